package io.turnout.stack;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One YAML mapping of turnout.yml read with its line numbers: the keys it may have, typed values,
 * and errors as one sentence that names the key and the line. Works on snakeyaml's node tree
 * (not on constructed Java maps) because only nodes remember where they were written.
 */
final class YamlFields {

    private static final Set<String> TRUE = Set.of("true", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "off");

    private final String where;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    /**
     * @param where the dotted path of this mapping for messages ({@code services.web}), "" for the top level
     */
    YamlFields(Node node, String where, List<String> validKeys) {
        this.where = where;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, describe(where) + " must be a mapping of keys (" + String.join(", ", sorted(validKeys)) + ")");
        }
        for (NodeTuple t : mapping.getValue()) {
            String key = keyOf(t);
            if (!validKeys.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in " + describe(where) + "; valid keys are "
                        + String.join(", ", sorted(validKeys)));
            }
            if (entries.putIfAbsent(key, t) != null) {
                throw error(t.getKeyNode(), "duplicate key '" + key + "' in " + describe(where));
            }
        }
    }

    /** A mapping whose keys are names chosen by the author (services, env); checked by the caller. */
    static Map<String, NodeTuple> entries(Node node, String where) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, where + " must be a mapping");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            String key = keyOf(t);
            if (out.putIfAbsent(key, t) != null) {
                throw error(t.getKeyNode(), "duplicate key '" + key + "' in " + where);
            }
        }
        return out;
    }

    Node node() {
        return node;
    }

    Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode).filter(v -> !isNull(v));
    }

    Node required(String key) {
        return value(key).orElseThrow(() -> error(node, path(key) + " is required"));
    }

    String path(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    Optional<String> string(String key) {
        return value(key).map(v -> text(v, path(key)));
    }

    String requiredString(String key) {
        return text(required(key), path(key));
    }

    Optional<Integer> integer(String key) {
        return value(key).map(v -> {
            String s = text(v, path(key));
            if (!s.matches("-?\\d{1,10}") || Long.parseLong(s) > Integer.MAX_VALUE || Long.parseLong(s) < Integer.MIN_VALUE) {
                throw error(v, path(key) + " must be a whole number, not '" + s + "'");
            }
            return Integer.parseInt(s);
        });
    }

    Optional<Boolean> bool(String key) {
        return value(key).map(v -> {
            String s = text(v, path(key)).toLowerCase(Locale.ROOT);
            if (TRUE.contains(s)) {
                return true;
            }
            if (FALSE.contains(s)) {
                return false;
            }
            throw error(v, path(key) + " must be true or false, not '" + s + "'");
        });
    }

    Optional<Duration> duration(String key) {
        return value(key).map(v -> {
            String s = text(v, path(key));
            return Durations.parse(s).orElseThrow(() -> error(v, path(key) + " must be a duration such as 500ms, 2s, 1m or 1h, not '" + s + "'"));
        });
    }

    /** The text of a scalar (numbers and booleans as written); a nested mapping or list is an error. */
    static String text(Node v, String path) {
        if (!(v instanceof ScalarNode s)) {
            throw error(v, path + " must be a single value, not a " + (v instanceof MappingNode ? "mapping" : "list"));
        }
        return isNull(v) ? "" : s.getValue();
    }

    static boolean isNull(Node v) {
        return v instanceof ScalarNode && Tag.NULL.equals(v.getTag());
    }

    static int line(Node n) {
        Mark m = n.getStartMark();
        return m == null ? 0 : m.getLine() + 1;
    }

    static IllegalArgumentException error(Node at, String sentence) {
        return new IllegalArgumentException("turnout.yml line " + line(at) + ": " + sentence + ".");
    }

    private static String keyOf(NodeTuple t) {
        if (!(t.getKeyNode() instanceof ScalarNode k) || isNull(k)) {
            throw error(t.getKeyNode(), "keys must be plain names");
        }
        return k.getValue();
    }

    private static String describe(String where) {
        return where.isEmpty() ? "the top level" : where;
    }

    private static TreeSet<String> sorted(List<String> keys) {
        return new TreeSet<>(keys);
    }
}
