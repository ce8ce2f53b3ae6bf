package io.turnout.stack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines file written by appends. A crash or a dropped connection can leave the last
 * line cut short: it is skipped quietly. A bad line elsewhere is skipped with a warning, so one
 * damaged entry never hides the rest of a history or a journal.
 */
final class JsonLines {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLines.class);

    private JsonLines() {
    }

    static <T> List<T> parse(ObjectMapper json, String text, Class<T> type, String where) {
        String[] lines = text.split("\n");
        List<T> out = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(json.readValue(line, type));
            } catch (JsonProcessingException e) {
                boolean last = i == lines.length - 1;
                if (!last) {
                    LOG.warn("Skipping unreadable line {} of {}: {}", i + 1, where, describe(e));
                } else {
                    LOG.debug("Skipping a torn last line of {}", where);
                }
            }
        }
        return out;
    }

    /**
     * Where the JSON went wrong, without quoting it (Jackson's messages may quote the offending
     * token, and these files can hold service environments).
     */
    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String kind = e instanceof JsonParseException ? "not valid JSON" : "not the expected structure";
        return at == null ? kind : kind + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    static String line(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
