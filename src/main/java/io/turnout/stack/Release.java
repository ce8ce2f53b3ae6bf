package io.turnout.stack;

import java.time.Instant;
import java.util.Objects;

/**
 * What one color of a service runs: enough to tell versions apart and to find its snapshot.
 *
 * @param id unique, sortable by time (e.g. {@code 20261123T101502Z-web-green})
 * @param configHash hash of the service spec without the image (env, port, health), to spot config-only changes
 * @param who {@code user@workstation} that made it
 */
public record Release(String id, String service, Color color, String image, String configHash, String who, Instant at) {
    public Release {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(image, "image");
    }
}
