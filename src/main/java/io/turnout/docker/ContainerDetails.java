package io.turnout.docker;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The detail pane's inspect summary. Secret env values are already masked by the engine. */
public record ContainerDetails(
        ContainerRow row,
        String imageId,
        String command,
        Integer exitCode,
        List<EnvVar> env,
        Map<String, String> labels,
        List<String> networks,
        List<String> mounts,
        List<HealthProbe> healthLog) {

    /** {@code masked} is true when the value was replaced because the name looks like a secret. */
    public record EnvVar(String name, String value, boolean masked) { }

    /** One health-check run as Docker records it (it keeps the last five). */
    public record HealthProbe(Instant start, Instant end, int exitCode, String output) { }
}
