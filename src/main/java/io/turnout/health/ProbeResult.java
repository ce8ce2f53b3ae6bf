package io.turnout.health;

import java.time.Instant;

/**
 * One HTTP probe's last answer.
 *
 * @param kind liveness, readiness or startup
 * @param status the HTTP status, 0 without an answer
 * @param output why it failed (first line of the body, or the connection error); empty when it passed
 */
public record ProbeResult(String kind, String path, boolean ok, int status, long millis, String output, Instant at) {

    /** {@code readiness GET /health: HTTP 500 "broken"} — the cause shown where the status is. */
    public String describe() {
        String what = kind + " GET " + path + ": ";
        if (status == 0) {
            return what + output;
        }
        return what + "HTTP " + status + (output.isEmpty() ? "" : " \"" + output + "\"") + " in " + millis + " ms";
    }
}
