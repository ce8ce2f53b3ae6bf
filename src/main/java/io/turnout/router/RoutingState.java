package io.turnout.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A routing table as one comment line at the top of a rendered router config:
 * {@code # turnout-state: {"maintenance":false,"services":{"web":{"blue":100,"green":0,"preview":"green"}}}}.
 * For nginx this line is the truth {@code current()} reads back; for HAProxy it only documents
 * what the directives below it say.
 */
final class RoutingState {

    static final String PREFIX = "# turnout-state: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoutingState() {
    }

    static String headerLine(RoutingTable table) {
        ObjectNode root = JSON.createObjectNode();
        root.put("maintenance", table.maintenance());
        ObjectNode services = root.putObject("services");
        table.services().forEach((name, route) -> {
            ObjectNode s = services.putObject(name);
            for (Color c : Color.values()) {
                s.put(c.id(), route.weight(c));
            }
            if (route.preview() == null) {
                s.putNull("preview");
            } else {
                s.put("preview", route.preview().id());
            }
        });
        return PREFIX + root;
    }

    /** Reads the table from the first line of {@code config}; a config Turnout did not write is an error. */
    static RoutingTable parse(String config) {
        String first = config.lines().findFirst().orElse("");
        if (!first.startsWith(PREFIX)) {
            throw new RouterException("The router config was not written by Turnout (no '" + PREFIX.strip() + "' line).");
        }
        try {
            JsonNode root = JSON.readTree(first.substring(PREFIX.length()));
            Map<String, ServiceRoute> services = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : root.path("services").properties()) {
                Map<Color, Integer> weights = new EnumMap<>(Color.class);
                for (Color c : Color.values()) {
                    weights.put(c, e.getValue().path(c.id()).asInt(0));
                }
                JsonNode preview = e.getValue().path("preview");
                services.put(e.getKey(), new ServiceRoute(weights,
                        preview.isTextual() ? Color.parse(preview.asText()) : null));
            }
            return new RoutingTable(services, root.path("maintenance").asBoolean(false));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RouterException("Unreadable turnout-state line in the router config: " + e.getMessage(), e);
        }
    }
}
