package io.turnout.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import io.turnout.testing.Sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Starts fixture containers on the sandbox dockerd, each labelled {@code io.turnout.test=<run>},
 * and removes them all in {@link #close()}. Out-of-band starts use the docker CLI, exactly as an
 * operator on the host would.
 */
public final class SandboxContainers implements AutoCloseable {

    public static final String TEST_LABEL = "io.turnout.test";

    private final DockerClient admin;
    private final String run = "it-" + UUID.randomUUID().toString().substring(0, 8);

    public SandboxContainers(DockerClient admin) {
        this.admin = admin;
    }

    public String runLabel() {
        return run;
    }

    /** {@code docker -H <sandbox> run -d --label io.turnout.test=<run> ARGS... IMAGE}; returns the id. */
    public String cliRun(String image, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", Sandbox.dockerHost(), "run", "-d",
                "--label", TEST_LABEL + "=" + run));
        cmd.addAll(List.of(args));
        cmd.add(image);
        return cli(cmd).strip();
    }

    public void cliRemove(String id) {
        cli(List.of("docker", "-H", Sandbox.dockerHost(), "rm", "-f", id));
    }

    /** What a command exec'd in a container printed (stdout and stderr) and how it exited. */
    public record Exec(long exitCode, String output) { }

    /** Runs {@code cmd} in the container with {@code env} ("K=V") over the Docker API; waits up to 60 s. */
    public Exec exec(String id, List<String> env, String... cmd) {
        String exec = admin.execCreateCmd(id).withCmd(cmd).withEnv(env).withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        try {
            admin.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame f) {
                    out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Long code = admin.inspectExecCmd(exec).exec().getExitCodeLong();
        return new Exec(code == null ? -1 : code, out.toString());
    }

    /**
     * A {@code turnout-fixture/postgres:local} container with database {@code db} owned by
     * {@code user}, accepting connections; {@code args} go to {@code docker run} (e.g. {@code -p}).
     */
    public String runPostgres(String user, String password, String db, String... args) {
        List<String> all = new ArrayList<>(List.of("-e", "POSTGRES_USER=" + user, "-e", "POSTGRES_PASSWORD=" + password,
                "-e", "POSTGRES_DB=" + db));
        all.addAll(List.of(args));
        String id = cliRun("turnout-fixture/postgres:local", all.toArray(String[]::new));
        Poll.until(java.time.Duration.ofSeconds(60), "the database container to accept connections",
                () -> exec(id, List.of(), "pg_isready", "-q", "-d", db).exitCode() == 0);
        return id;
    }

    /** psql in a {@link #runPostgres} container, stopping at the first error; returns its output. */
    public String psql(String id, String user, String password, String db, String sql) {
        Exec r = exec(id, List.of("PGPASSWORD=" + password), "psql", "-U", user, "-d", db, "-v", "ON_ERROR_STOP=1", "-Atc", sql);
        if (r.exitCode() != 0) {
            throw new AssertionError("psql in " + id + " failed (exit " + r.exitCode() + "): " + r.output());
        }
        return r.output().strip();
    }

    /** Runs {@code /app --probe PATH} inside the container (a real HTTP request to the app). */
    public String probe(String id, String path) throws InterruptedException {
        String exec = admin.execCreateCmd(id).withCmd("/app", "--probe", path).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        admin.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame f) {
                out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(10, TimeUnit.SECONDS);
        return out.toString();
    }

    @Override
    public void close() {
        List<Container> mine = admin.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(TEST_LABEL, run)).exec();
        for (Container c : mine) {
            try {
                admin.removeContainerCmd(c.getId()).withForce(true).exec();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    private static String cli(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(cmd + " failed: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + cmd, e);
        }
    }
}
