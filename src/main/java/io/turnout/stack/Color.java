package io.turnout.stack;

import java.util.Locale;

/** The two slots a routed service runs in: one active (receiving traffic), the other standby. */
public enum Color {
    BLUE, GREEN;

    public Color other() {
        return this == BLUE ? GREEN : BLUE;
    }

    /** The lower-case name used in container names, labels, files and the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the two valid colors */
    public static Color parse(String text) {
        if (text != null) {
            for (Color c : values()) {
                if (c.id().equalsIgnoreCase(text.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("Unknown color '" + text + "': use blue or green.");
    }
}
