package io.turnout.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.connect.DefaultHostConnector;
import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.profile.ProfileStore;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Repeated container listings within ONE session (what the console does), through the same
 * connector the CLI uses. Prints connect time and per-listing p50/p95; with {@code --peer-json}
 * (hyperfine's export of {@code docker -H ssh:// ps}) also the ratio against the docker CLI.
 * Run by scripts/bench-ps; not a test.
 */
public final class PsBench {

    public static void main(String[] args) throws Exception {
        Path sshConfig = null;
        String host = "turnout-sandbox";
        int count = 200;
        Path peerJson = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ssh-config" -> sshConfig = Path.of(args[++i]);
                case "--host" -> host = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--peer-json" -> peerJson = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        SshConfigFile cfg = sshConfig == null ? SshConfigFile.defaults() : SshConfigFile.explicit(sshConfig);
        DefaultHostConnector connector = new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()),
                new ProfileStore(Files.createTempDirectory("psbench")));

        long t0 = System.nanoTime();
        try (DockerHost docker = connector.open(host)) {
            int containers = docker.list(true).size();
            double connectMs = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < 20; i++) {
                docker.list(true); // warm-up: JIT and HTTP connection pool
            }
            double[] ms = new double[count];
            for (int i = 0; i < count; i++) {
                long s = System.nanoTime();
                docker.list(true);
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            double p50 = ms[count / 2];
            double p95 = ms[(int) Math.ceil(count * 0.95) - 1];
            System.out.printf(Locale.ROOT, "turnout warm listing over one SSH session: %d containers, n=%d, "
                    + "connect+first list %.1f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                    containers, count, connectMs, p50, p95, ms[count - 1]);
            if (peerJson != null) {
                JsonNode results = new ObjectMapper().readTree(peerJson.toFile()).get("results");
                for (JsonNode r : results) {
                    double meanMs = r.get("mean").asDouble() * 1000;
                    System.out.printf(Locale.ROOT, "  vs %-22s mean %.1f ms per call → ratio %.1fx (peer mean / turnout warm p50)%n",
                            r.get("command").asText().length() > 22 ? r.get("command").asText().substring(0, 22) : r.get("command").asText(),
                            meanMs, meanMs / p50);
                }
            }
        }
    }
}
