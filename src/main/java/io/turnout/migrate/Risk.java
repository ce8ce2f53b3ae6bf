package io.turnout.migrate;

public enum Risk {
    LOW, MEDIUM, HIGH;

    public Risk max(Risk other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
