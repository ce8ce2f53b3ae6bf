package io.turnout.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code docker logs} request. Unlike docker-java's {@code ResultCallback.Adapter}, a failure
 * also releases {@link #awaitStarted} and closing on purpose is silent (no ERROR log).
 */
final class LogStream implements ResultCallback<Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(LogStream.class);

    private final String containerId;
    private final LogFrames frames;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Closeable response;
    private volatile boolean closed;
    private volatile Throwable error;

    private LogStream(String containerId, Consumer<LogLine> sink) {
        this.containerId = containerId;
        this.frames = new LogFrames(sink);
    }

    /**
     * Starts the request and waits (at most {@code wait}) until Docker accepted it or, without
     * {@code follow}, until the whole tail was delivered. {@code tail < 0} means all lines.
     */
    static LogStream open(DockerClient client, String containerId, int tail, boolean follow, Consumer<LogLine> sink,
                          Duration wait) {
        LogStream s = new LogStream(containerId, sink);
        LogContainerCmd cmd = client.logContainerCmd(containerId)
                .withStdOut(true).withStdErr(true).withTimestamps(true).withFollowStream(follow);
        if (tail >= 0) {
            cmd.withTail(tail);
        }
        cmd.exec(s);
        try {
            boolean ok = (follow ? s.started : s.done).await(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (!ok) {
                LOG.warn("logs of {}: no answer within {}", containerId, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
        }
        s.rethrow();
        return s;
    }

    @Override
    public void onStart(Closeable stream) {
        response = stream;
        if (closed) {
            closeQuietly(stream);
        }
        started.countDown();
    }

    @Override
    public void onNext(Frame frame) {
        if (!closed) {
            frames.accept(frame);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!closed) {
            error = throwable;
            LOG.debug("logs of {} ended: {}", containerId, throwable.toString());
        }
        finish();
    }

    @Override
    public void onComplete() {
        if (!closed) {
            frames.flush();
        }
        finish();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(response);
        finish();
    }

    private void finish() {
        started.countDown();
        done.countDown();
    }

    private void rethrow() {
        Throwable e = error;
        if (e instanceof NotFoundException nf) {
            throw new NoSuchContainerException(containerId, nf);
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e != null) {
            throw new IllegalStateException("logs of " + containerId + " failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing log stream: {}", e.toString());
        }
    }
}
