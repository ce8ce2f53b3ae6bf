package io.turnout.stack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/**
 * The JSON dialect of the state files: ISO-8601 instants and durations, colors as {@code blue}/{@code green}
 * (values and map keys), unknown properties ignored so an older Turnout can read a newer one's files.
 */
final class StateJson {

    private StateJson() {
    }

    /** One line per value, for the JSON-lines files. */
    static ObjectMapper compact() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(colors())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Indented, for files an operator may read on the host (state.json, snapshots, lock). */
    static ObjectMapper pretty() {
        return compact().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static SimpleModule colors() {
        SimpleModule m = new SimpleModule("turnout-colors");
        m.addSerializer(Color.class, new JsonSerializer<>() {
            @Override
            public void serialize(Color c, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(c.id());
            }
        });
        m.addDeserializer(Color.class, new JsonDeserializer<>() {
            @Override
            public Color deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return parse(p.getValueAsString(), ctx);
            }
        });
        m.addKeySerializer(Color.class, new JsonSerializer<>() {
            @Override
            public void serialize(Color c, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeFieldName(c.id());
            }
        });
        m.addKeyDeserializer(Color.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctx) throws IOException {
                return parse(key, ctx);
            }
        });
        return m;
    }

    private static Color parse(String text, DeserializationContext ctx) throws JsonProcessingException {
        try {
            return Color.parse(text);
        } catch (IllegalArgumentException e) {
            throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(ctx.getParser(), e.getMessage(), text, Color.class);
        }
    }
}
