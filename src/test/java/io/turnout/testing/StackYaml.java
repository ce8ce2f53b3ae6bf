package io.turnout.testing;

/**
 * The turnout.yml most integration tests apply: one routed service {@code web} running
 * {@code turnout-fixture/app:v1} behind an HAProxy router on 127.0.0.1, with {@code extra}
 * top-level sections (e.g. a {@code database:}) appended as given.
 */
public final class StackYaml {

    private StackYaml() {
    }

    public static String web(String stack, int publicPort, String drainTimeout, String extra) {
        return """
                name: %s
                router: { kind: haproxy, publicPort: %d, publicBind: 127.0.0.1, drainTimeout: %s }
                services:
                  web:
                    image: turnout-fixture/app:v1
                    port: 8080
                    health: { path: /health, interval: 500ms, timeout: 30s }
                """.formatted(stack, publicPort, drainTimeout) + extra;
    }

    /** A {@code database:} section naming {@code url} (no password: turnout.yml refuses one). */
    public static String database(String url) {
        return "database:\n  url: " + url + "\n";
    }
}
