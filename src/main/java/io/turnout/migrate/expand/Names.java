package io.turnout.migrate.expand;

import java.util.Locale;

/** Identifiers the planner derives (sync trigger, temporary column, check constraint) and file slugs. */
final class Names {

    private static final int MAX_IDENTIFIER = 63;

    private Names() {
    }

    static String slug(String identifier) {
        return identifier.replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** A new identifier built from parts, cut to PostgreSQL's 63 bytes. */
    static String derived(String... parts) {
        String joined = String.join("_", java.util.Arrays.stream(parts).map(Names::slug).toList());
        return joined.length() <= MAX_IDENTIFIER ? joined : joined.substring(0, MAX_IDENTIFIER);
    }

    /** The table name without its schema, unquoted, for derived names. */
    static String bare(String table) {
        int dot = table.lastIndexOf('.');
        return dot < 0 ? table : table.substring(dot + 1);
    }
}
