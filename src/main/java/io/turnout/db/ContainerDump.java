package io.turnout.db;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * pg_dump exec'd inside the database's own container over the Docker API, its stdout streamed
 * back into the dump file: no PostgreSQL client or tunnel on the workstation, and the dump tool
 * always matches the server's version. It connects over the container's local socket as the
 * URL's user; a password (when there is one) is passed in the exec's environment.
 */
public final class ContainerDump implements DumpSource {

    private final DockerClient docker;
    private final String container;
    private final DbUrl url;
    private final Map<String, String> env;
    private final Duration timeout;

    public ContainerDump(DockerClient docker, String container, DbUrl url, Map<String, String> env, Duration timeout) {
        this.docker = docker;
        this.container = container;
        this.url = url;
        this.env = env;
        this.timeout = timeout;
    }

    /** The exec's command line: no password on it. */
    List<String> command() {
        return List.of("pg_dump", "-Fc", "--no-password", "-U", UrlCredentials.of(url, env).user(), url.database());
    }

    @Override
    public void dump(Path target) {
        UrlCredentials cred = UrlCredentials.of(url, env);
        List<String> execEnv = new ArrayList<>(List.of("PGAPPNAME=turnout-pg-dump"));
        cred.password().ifPresent(p -> execEnv.add("PGPASSWORD=" + p));
        ExecCreateCmdResponse exec;
        try {
            exec = docker.execCreateCmd(container).withCmd(command().toArray(String[]::new)).withEnv(execEnv)
                    .withAttachStdout(true).withAttachStderr(true).exec();
        } catch (RuntimeException e) {
            throw new DbException("Cannot run pg_dump in container " + container + ": " + e.getMessage() + ".", e);
        }
        StringBuilder stderr = new StringBuilder();
        try (OutputStream out = Files.newOutputStream(target)) {
            ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    try {
                        if (frame.getStreamType() == StreamType.STDERR) {
                            stderr.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        } else {
                            out.write(frame.getPayload());
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            if (!docker.execStartCmd(exec.getId()).exec(callback).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                callback.close();
                throw new DbException("pg_dump in container " + container + " did not finish within " + timeout.toSeconds() + " s.");
            }
        } catch (IOException e) {
            throw new DbException("Cannot write the dump to " + target + ": " + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException("pg_dump in container " + container + " was interrupted.", e);
        }
        Long code = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
        if (code == null || code != 0) {
            throw new DbException("pg_dump in container " + container + " failed (exit " + code + "): "
                    + DbUrl.maskSecrets(stderr.toString().trim().replaceAll("\\s+", " ")) + ".");
        }
    }

    @Override
    public String via() {
        return "pg_dump in container " + container;
    }
}
