package io.turnout.traffic;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Follows a container's stdout over the Docker API (works the same through SSH), starting at the
 * moment of the call ({@code tail 0}): the feed wants the requests of its own ticks, not history.
 */
public final class DockerLogSource implements LogSource {

    private static final Logger LOG = LoggerFactory.getLogger(DockerLogSource.class);

    private final DockerClient docker;
    private final String container;

    public DockerLogSource(DockerClient docker, String container) {
        this.docker = docker;
        this.container = container;
    }

    @Override
    public AutoCloseable follow(Consumer<String> lines) {
        LineAssembler assembler = new LineAssembler(lines);
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                assembler.accept(frame.getPayload());
            }

            @Override
            public void onError(Throwable t) {
                LOG.debug("log of {} stopped: {}", container, t.getMessage());
            }
        };
        docker.logContainerCmd(container).withStdOut(true).withStdErr(true).withFollowStream(true).withTail(0)
                .exec(callback);
        return () -> {
            try {
                callback.close();
            } catch (IOException e) {
                LOG.debug("closing the log of {}: {}", container, e.getMessage());
            }
        };
    }
}
