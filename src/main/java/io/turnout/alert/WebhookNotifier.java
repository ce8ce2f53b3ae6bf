package io.turnout.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs each alert as JSON that both Slack ({@code text}) and Discord ({@code content}) incoming
 * webhooks accept. Sent asynchronously with a timeout so a slow endpoint never holds up the alert
 * engine; a failure is logged, never thrown. The URL may carry a secret token, so it is never logged.
 */
public final class WebhookNotifier implements AlertNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookNotifier(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The request body for {@code alert}. */
    static String body(Alert alert) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", alert.text());
        m.put("content", alert.text());
        m.put("rule", alert.rule());
        m.put("subject", alert.subject());
        m.put("resolved", alert.resolved());
        m.put("at", alert.at().toString());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void notify(Alert alert) {
        send(alert);
    }

    /** @return completes with the HTTP status, or -1 when the endpoint could not be reached */
    public CompletableFuture<Integer> send(Alert alert) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(alert))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((r, e) -> {
            if (e != null) {
                LOG.warn("alert webhook to {} failed: {}", url.getHost(), e.getMessage() == null ? e.toString() : e.getMessage());
                return -1;
            }
            if (r.statusCode() / 100 != 2) {
                LOG.warn("alert webhook to {} answered HTTP {}", url.getHost(), r.statusCode());
            }
            return r.statusCode();
        });
    }
}
