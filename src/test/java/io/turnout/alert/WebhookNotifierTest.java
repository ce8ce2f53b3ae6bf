package io.turnout.alert;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real HTTP server on 127.0.0.1 (the JDK's), standing in for Slack or Discord. */
class WebhookNotifierTest {

    private final Alert alert = new Alert("shop", "5xx-rate", "web.green", "web.green answers 30.0 % 5xx \"quoted\".",
            Instant.parse("2026-11-23T15:00:00Z"), false);

    @Test
    void postsSlackAndDiscordCompatibleJson() throws Exception {
        BlockingQueue<String> bodies = new ArrayBlockingQueue<>(4);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            int status = new WebhookNotifier(url, Duration.ofSeconds(3)).send(alert).get(10, TimeUnit.SECONDS);

            assertThat(status).isEqualTo(204);
            String got = bodies.poll(5, TimeUnit.SECONDS);
            assertThat(got).startsWith("POST application/json {");
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(got.substring(got.indexOf('{')));
            assertThat(json.get("text").asText()).isEqualTo("Alert [shop] web.green answers 30.0 % 5xx \"quoted\".");
            assertThat(json.get("content").asText()).isEqualTo(json.get("text").asText());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableEndpointIsLoggedNotThrown() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        WebhookNotifier n = new WebhookNotifier(URI.create("http://127.0.0.1:" + port + "/hook"), Duration.ofSeconds(2));

        n.notify(alert);
        assertThat(n.send(alert).get(10, TimeUnit.SECONDS)).isEqualTo(-1);
    }
}
