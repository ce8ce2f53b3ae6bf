package io.turnout.migrate;

/**
 * One migration's SQL and where it came from.
 *
 * @param name what reports call it: the file path as given, or {@code pasted.sql}
 */
public record MigrationSource(String name, String sql) {
}
