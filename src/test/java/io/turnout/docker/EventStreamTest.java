package io.turnout.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void healthStatusActionIsRecognisedWithoutItsSuffix() throws IOException {
        Event e = event("container", "health_status: healthy", 1795431907943835168L);
        assertThat(EventStream.action(e)).isEqualTo("health_status");
        assertThat(EventStream.relevant(e)).isTrue();
        assertThat(EventStream.time(e)).isEqualTo(Instant.parse("2026-11-23T11:05:07.943835168Z"));
    }

    @Test
    void execEventsFromHealthProbesAreIgnored() throws IOException {
        assertThat(EventStream.relevant(event("container", "exec_start: /app --probe /health", 1L))).isFalse();
        assertThat(EventStream.relevant(event("network", "connect", 1L))).isFalse();
    }

    @Test
    void sinceKeepsNanoseconds() {
        assertThat(DockerTime.sinceParam(Instant.parse("2026-11-23T11:05:07.000000042Z"))).isEqualTo("1795431907.000000042");
    }

    private Event event(String type, String action, long timeNano) throws IOException {
        return json.readValue("""
                {"Type":"%s","Action":"%s","id":"abc","Actor":{"ID":"abc","Attributes":{}},"time":%d,"timeNano":%d}"""
                .formatted(type, action, timeNano / 1_000_000_000L, timeNano), Event.class);
    }
}
