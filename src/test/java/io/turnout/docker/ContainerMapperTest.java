package io.turnout.docker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures are real answers of the sandbox dockerd 20.10 for turnout-fixture/app:v1. */
class ContainerMapperTest {

    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ContainerMapper mapper = new ContainerMapper(new SecretMasker());

    @Test
    void listRowTakesNameWithoutSlashHealthFromStatusAndPorts() throws IOException {
        Container c = json.treeToValue(listFixture().get(0), Container.class);
        ContainerRow row = mapper.fromList(c);
        assertThat(row.name()).isEqualTo("jolly_boyd");
        assertThat(row.image()).isEqualTo("turnout-fixture/app:v1");
        assertThat(row.state()).isEqualTo("running");
        assertThat(row.health()).isEqualTo(Health.HEALTHY);
        assertThat(row.ports()).containsExactly(new PortMapping("127.0.0.1", 32776, 8080, "tcp"));
        assertThat(row.created()).isEqualTo(Instant.ofEpochSecond(1795431905));
        assertThat(row.restartCount()).isZero();
        assertThat(row.startedAt()).isNull();
        assertThat(row.status()).isEqualTo("Up 3 seconds (healthy)");
    }

    @Test
    void turnoutLabelsWinOverComposeLabels() throws IOException {
        ArrayNode list = listFixture();
        ObjectNode labels = (ObjectNode) list.get(0).get("Labels");
        labels.put("com.docker.compose.project", "shop").put("com.docker.compose.service", "web");
        ContainerRow compose = mapper.fromList(json.treeToValue(list.get(0), Container.class));
        assertThat(compose.stack()).isEqualTo("shop");
        assertThat(compose.service()).isEqualTo("web");
        assertThat(compose.color()).isNull();

        labels.put(Labels.STACK, "store").put(Labels.SERVICE, "api").put(Labels.COLOR, "green");
        ContainerRow turnout = mapper.fromList(json.treeToValue(list.get(0), Container.class));
        assertThat(turnout.stack()).isEqualTo("store");
        assertThat(turnout.service()).isEqualTo("api");
        assertThat(turnout.color()).isEqualTo("green");
    }

    @Test
    void healthIsReadFromEveryDockerStatusForm() {
        assertThat(ContainerMapper.healthFromStatus("Up 2 seconds (health: starting)")).isEqualTo(Health.STARTING);
        assertThat(ContainerMapper.healthFromStatus("Up 1 minute (unhealthy)")).isEqualTo(Health.UNHEALTHY);
        assertThat(ContainerMapper.healthFromStatus("Up 1 minute (healthy)")).isEqualTo(Health.HEALTHY);
        assertThat(ContainerMapper.healthFromStatus("Exited (0) 3 hours ago")).isEqualTo(Health.NONE);
        assertThat(ContainerMapper.healthFromStatus(null)).isEqualTo(Health.NONE);
    }

    @Test
    void inspectRowCarriesRestartCountStartTimeAndHealth() throws IOException {
        ObjectNode node = inspectFixture();
        node.put("RestartCount", 3);
        ContainerRow row = mapper.fromInspect(json.treeToValue(node, InspectContainerResponse.class));
        assertThat(row.id()).startsWith("2daf8bfec4ad");
        assertThat(row.name()).isEqualTo("jolly_boyd");
        assertThat(row.image()).isEqualTo("turnout-fixture/app:v1");
        assertThat(row.health()).isEqualTo(Health.HEALTHY);
        assertThat(row.restartCount()).isEqualTo(3);
        assertThat(row.startedAt()).isEqualTo(Instant.parse(node.at("/State/StartedAt").asText()));
        assertThat(row.created()).isEqualTo(Instant.parse(node.get("Created").asText()));
        assertThat(row.ports()).containsExactly(new PortMapping("127.0.0.1", 32776, 8080, "tcp"));
        assertThat(row.status()).isEqualTo("Up (healthy)");
    }

    @Test
    void exitedContainerShowsExitCodeAndNeverStartedHasNoStartTime() throws IOException {
        ObjectNode node = inspectFixture();
        ObjectNode state = (ObjectNode) node.get("State");
        state.put("Status", "exited").put("Running", false).put("ExitCode", 137)
                .put("StartedAt", "0001-01-01T00:00:00Z");
        state.remove("Health");
        InspectContainerResponse r = json.treeToValue(node, InspectContainerResponse.class);
        assertThat(mapper.fromInspect(r).status()).isEqualTo("Exited (137)");
        assertThat(mapper.fromInspect(r).startedAt()).isNull();
        assertThat(mapper.fromInspect(r).health()).isEqualTo(Health.NONE);
        assertThat(mapper.details(r).exitCode()).isEqualTo(137);
    }

    @Test
    void detailsMaskSecretsAndKeepHealthLogCommandNetworks() throws IOException {
        ContainerDetails d = mapper.details(json.treeToValue(inspectFixture(), InspectContainerResponse.class));
        assertThat(d.env()).contains(
                new ContainerDetails.EnvVar("DB_PASSWORD", SecretMasker.MASK, true),
                new ContainerDetails.EnvVar("DATABASE_URL", "postgres://app:" + SecretMasker.MASK + "@db:5432/app", true),
                new ContainerDetails.EnvVar("APP_VERSION", "v1", false));
        assertThat(d.env()).noneMatch(e -> e.value().contains("hunter2") || e.value().contains("s3cret"));
        assertThat(d.healthLog()).hasSize(1);
        assertThat(d.healthLog().get(0).exitCode()).isZero();
        assertThat(d.healthLog().get(0).output()).contains("200 OK");
        assertThat(d.healthLog().get(0).end()).isAfter(d.healthLog().get(0).start());
        assertThat(d.command()).isEqualTo("/app");
        assertThat(d.networks()).containsExactly("bridge");
        assertThat(d.mounts()).isEmpty();
        assertThat(d.labels()).containsEntry("io.turnout.test", "probe");
        assertThat(d.exitCode()).isNull();
        assertThat(d.imageId()).startsWith("sha256:");
    }

    @Test
    void mountsAreDescribedSourceToDestination() throws IOException {
        ObjectNode node = inspectFixture();
        ArrayNode mounts = node.putArray("Mounts");
        mounts.addObject().put("Type", "volume").put("Name", "pgdata").put("Source", "/var/lib/docker/volumes/pgdata/_data")
                .put("Destination", "/var/lib/postgresql/data").put("RW", true);
        mounts.addObject().put("Type", "bind").put("Source", "/etc/app.conf").put("Destination", "/app.conf").put("RW", false);
        ContainerDetails d = mapper.details(json.treeToValue(node, InspectContainerResponse.class));
        assertThat(d.mounts()).containsExactly("pgdata → /var/lib/postgresql/data", "/etc/app.conf → /app.conf (ro)");
    }

    private ArrayNode listFixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("list-app-v1.json")) {
            return (ArrayNode) json.readTree(in);
        }
    }

    private ObjectNode inspectFixture() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("inspect-app-v1.json")) {
            return (ObjectNode) json.readTree(in);
        }
    }
}
