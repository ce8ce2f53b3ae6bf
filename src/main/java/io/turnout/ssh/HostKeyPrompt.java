package io.turnout.ssh;

/**
 * Asks the operator about an unknown host key. Called on the connecting thread (never the FX
 * thread); a GUI implementation hops to the FX thread and blocks until answered.
 * Changed keys are never prompted for.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    HostKeyDecision ask(UnknownHostKey key);

    /** For non-interactive use (CLI without a terminal, CI): always rejects. */
    static HostKeyPrompt rejecting() {
        return key -> HostKeyDecision.REJECT;
    }
}
