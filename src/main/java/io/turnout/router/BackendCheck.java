package io.turnout.router;

/**
 * The router's view of one color's backend.
 *
 * @param status {@code UP}, {@code DOWN}, {@code MAINT}, {@code DRAIN}, {@code NO CHECK}, or {@code UNKNOWN}
 * @param lastCheck the router's last check result in its own words (e.g. {@code L7OK/200 in 1ms}), or null
 * @param sessions in-flight sessions (connections to the backend) right now, -1 when unknown
 * @param weight the weight the router applies now
 */
public record BackendCheck(String status, String lastCheck, int sessions, int weight) {

    public boolean up() {
        return "UP".equals(status) || "DRAIN".equals(status);
    }
}
