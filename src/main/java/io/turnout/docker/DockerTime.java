package io.turnout.docker;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Docker's RFC 3339 (nano) timestamps; its zero time {@code 0001-01-01T00:00:00Z} means "never". */
final class DockerTime {

    private DockerTime() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** An event's time as {@code since=} wants it: seconds with a nanosecond fraction. */
    static String sinceParam(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }
}
