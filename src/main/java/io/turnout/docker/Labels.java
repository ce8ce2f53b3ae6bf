package io.turnout.docker;

import java.util.Map;

/** The container labels Turnout reads (and, for its own stacks, writes). */
public final class Labels {

    public static final String STACK = "io.turnout.stack";
    public static final String SERVICE = "io.turnout.service";
    public static final String COLOR = "io.turnout.color";
    public static final String COMPOSE_PROJECT = "com.docker.compose.project";
    public static final String COMPOSE_SERVICE = "com.docker.compose.service";

    private Labels() {
    }

    static String stack(Map<String, String> labels) {
        return firstOf(labels, STACK, COMPOSE_PROJECT);
    }

    static String service(Map<String, String> labels) {
        return firstOf(labels, SERVICE, COMPOSE_SERVICE);
    }

    static String color(Map<String, String> labels) {
        return firstOf(labels, COLOR, COLOR);
    }

    private static String firstOf(Map<String, String> labels, String preferred, String fallback) {
        if (labels == null) {
            return null;
        }
        String v = labels.get(preferred);
        if (v == null || v.isBlank()) {
            v = labels.get(fallback);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
