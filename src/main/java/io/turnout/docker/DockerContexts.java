package io.turnout.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the docker CLI's context store so operators can import the hosts they already use:
 * {@code <configDir>/contexts/meta/<sha256(name)>/meta.json} holds name, description and the
 * docker endpoint; {@code <configDir>/contexts/tls/<sha256(name)>/docker/} holds its TLS files;
 * {@code <configDir>/config.json} names the {@code currentContext}. Pure file parsing.
 */
public final class DockerContexts {

    private static final Logger LOG = LoggerFactory.getLogger(DockerContexts.class);

    private final Path configDir;
    private final String contextOverride;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param configDir       {@code ~/.docker} (or {@code $DOCKER_CONFIG})
     * @param contextOverride {@code $DOCKER_CONTEXT}, which wins over config.json; null if unset
     */
    public DockerContexts(Path configDir, String contextOverride) {
        this.configDir = configDir;
        this.contextOverride = contextOverride == null || contextOverride.isBlank() ? null : contextOverride;
    }

    /** All stored contexts sorted by name; unreadable entries are skipped with a warning. */
    public List<DockerContext> list() {
        Path meta = configDir.resolve("contexts").resolve("meta");
        if (!Files.isDirectory(meta)) {
            return List.of();
        }
        String current = currentName();
        List<DockerContext> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(meta)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path file = dir.resolve("meta.json");
                if (Files.isRegularFile(file)) {
                    try {
                        out.add(parse(file, current));
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("skipping docker context {}: {}", file, e.toString());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read docker contexts in {}: {}", meta, e.toString());
        }
        out.sort(Comparator.comparing(DockerContext::name));
        return List.copyOf(out);
    }

    /** The current context's name: DOCKER_CONTEXT, else config.json's currentContext, else "default". */
    public String currentName() {
        if (contextOverride != null) {
            return contextOverride;
        }
        Path config = configDir.resolve("config.json");
        if (Files.isRegularFile(config)) {
            try {
                String name = json.readTree(config.toFile()).path("currentContext").asText("");
                if (!name.isBlank()) {
                    return name;
                }
            } catch (IOException e) {
                LOG.warn("cannot read {}: {}", config, e.toString());
            }
        }
        return "default";
    }

    /** The directory name the docker CLI uses for a context: hex sha256 of its name. */
    public static String contextId(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private DockerContext parse(Path file, String current) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        String name = root.path("Name").asText(null);
        if (name == null || name.isBlank()) {
            throw new IOException("no Name");
        }
        JsonNode docker = root.path("Endpoints").path("docker");
        String host = docker.path("Host").asText(null);
        boolean skip = docker.path("SkipTLSVerify").asBoolean(false);
        String description = root.path("Metadata").path("Description").asText("");
        Path tls = configDir.resolve("contexts").resolve("tls").resolve(contextId(name)).resolve("docker");
        boolean hasTls = Files.isDirectory(tls) && (Files.exists(tls.resolve("ca.pem")) || Files.exists(tls.resolve("cert.pem")));
        return new DockerContext(name, description, host, skip, hasTls ? tls : null, name.equals(current));
    }
}
