package io.turnout.docker;

/** Docker health as shown to the operator; NONE when the image declares no health check. */
public enum Health {
    NONE, STARTING, HEALTHY, UNHEALTHY;

    public static Health fromDocker(String status) {
        if (status == null || status.isBlank()) {
            return NONE;
        }
        return switch (status.toLowerCase()) {
            case "starting" -> STARTING;
            case "healthy" -> HEALTHY;
            case "unhealthy" -> UNHEALTHY;
            default -> NONE;
        };
    }
}
