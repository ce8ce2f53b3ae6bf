package io.turnout.migrate;

/**
 * How a migration may be released: SAFE runs on the live database while the current version
 * serves; RISKY needs blue-green with expand/contract (old and new code must both work with the
 * schema in between); MAINTENANCE needs a maintenance window (router in maintenance mode).
 */
public enum MigrationClass {
    SAFE("safe"), RISKY("risky"), MAINTENANCE("maintenance");

    private final String json;

    MigrationClass(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public MigrationClass max(MigrationClass other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public static MigrationClass parse(String s) {
        for (MigrationClass c : values()) {
            if (c.json.equalsIgnoreCase(s)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown migration type '" + s + "' (expected safe, risky or maintenance).");
    }
}
