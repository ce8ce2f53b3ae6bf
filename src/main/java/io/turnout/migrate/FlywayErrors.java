package io.turnout.migrate;

import io.turnout.db.DbUrl;
import org.flywaydb.core.api.FlywayException;

/**
 * Flyway's multi-line errors (SQL state, statement, location) as one sentence: which migration,
 * what PostgreSQL said. URLs in Flyway's text are masked.
 */
final class FlywayErrors {

    private FlywayErrors() {
    }

    static String sentence(FlywayException e, DbUrl url) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = FlywayRunner.firstLine(text);
        String pgMessage = null;
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Message") && t.contains(":")) {
                pgMessage = t.substring(t.indexOf(':') + 1).trim();
            }
        }
        if (text.contains("Detected both transactional and non-transactional")) {
            first = first + " Put CREATE INDEX CONCURRENTLY (and other non-transactional statements) in a migration file of its own";
        }
        if (pgMessage != null && pgMessage.contains("lock timeout")) {
            pgMessage = pgMessage + " (another session held a lock the migration needed; nothing was changed by this migration)";
        }
        String s = first.replaceAll("[.:]$", "") + (pgMessage == null ? "" : ": " + pgMessage);
        return mask(s, url) + (s.endsWith(".") ? "" : ".");
    }

    private static String mask(String s, DbUrl url) {
        return s.replace(url.jdbcUrl(), url.masked()).replaceAll("(?i)(password=)[^&\\s]*", "$1***");
    }
}
