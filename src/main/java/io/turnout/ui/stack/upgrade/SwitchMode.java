package io.turnout.ui.stack.upgrade;

/** What the upgrade does once the new color passes its health gate. */
public enum SwitchMode {
    /** Switch as soon as the gate passes ({@code --auto-switch}). */
    AUTOMATIC("Switch traffic automatically once it is healthy"),
    /** Stop before the switch and wait for the operator's button. */
    ASK("Ask me before switching traffic"),
    /** Leave the new color as standby; the operator switches later from the stack view. */
    LEAVE_STANDBY("Do not switch: leave it running as standby");

    private final String label;

    SwitchMode(String label) {
        this.label = label;
    }

    public boolean switches() {
        return this != LEAVE_STANDBY;
    }

    @Override
    public String toString() {
        return label;
    }
}
