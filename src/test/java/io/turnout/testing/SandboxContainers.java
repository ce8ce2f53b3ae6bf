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
