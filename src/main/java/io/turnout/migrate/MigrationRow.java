package io.turnout.migrate;

import java.time.Instant;

/**
 * One line of {@code flyway info}: a migration file, an applied history row, or both.
 *
 * @param version null for repeatable migrations
 * @param state Flyway's state in lower case: {@code pending}, {@code success}, {@code failed}, {@code baseline}, ...
 * @param installedOn null when not applied
 */
public record MigrationRow(String version, String description, String type, String script, String state,
                           Instant installedOn, Integer executionMillis) {

    public boolean pending() {
        return "pending".equals(state);
    }

    public boolean failed() {
        return state.contains("failed");
    }
}
