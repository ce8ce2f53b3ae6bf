package io.turnout.docker;

import java.time.Instant;
import java.util.List;

/**
 * One container as the live view and {@code turnout ps} show it. Immutable; rebuilt from the feed's
 * cache each tick. {@code stack}/{@code service} come from Turnout labels or, for adopted
 * compose projects, {@code com.docker.compose.project}/{@code .service}; {@code color} from
 * {@code io.turnout.color}. Null where a container carries no such label.
 */
public record ContainerRow(
        String id,
        String name,
        String image,
        String state,
        Health health,
        String stack,
        String service,
        String color,
        List<PortMapping> ports,
        int restartCount,
        Instant created,
        Instant startedAt,
        String status) {

    public ContainerRow {
        ports = List.copyOf(ports);
    }

    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The tag part of the image reference ({@code latest} when none is written). */
    public String imageTag() {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (image.contains("@")) {
            return image.substring(image.indexOf('@') + 1, Math.min(image.length(), image.indexOf('@') + 20));
        }
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    public boolean running() {
        return "running".equals(state);
    }
}
