package io.turnout.docker;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The two clients one engine is talked to with. {@code api} has a response timeout, so a hung
 * request/response call fails instead of blocking a worker forever; {@code streaming} has none,
 * because the events and followed-logs streams legitimately sit idle for minutes.
 */
public record EngineClients(DockerClient api, DockerClient streaming) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineClients.class);

    @Override
    public void close() {
        closeQuietly(streaming);
        if (api != streaming) {
            closeQuietly(api);
        }
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing docker client: {}", e.toString());
        }
    }
}
