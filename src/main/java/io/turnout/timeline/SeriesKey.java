package io.turnout.timeline;

import java.util.Objects;

/**
 * Names one series on a {@link Timeline}: the feed that produces it and the measure, e.g.
 * {@code db / connections.active}, {@code db / app:shop-web-green}, {@code traffic / green.rps},
 * {@code health / web.green.response_ms}. Conventions per feed are documented where the feed writes them.
 */
public record SeriesKey(String feed, String name) implements Comparable<SeriesKey> {

    public SeriesKey {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(name, "name");
    }

    public static SeriesKey of(String feed, String name) {
        return new SeriesKey(feed, name);
    }

    @Override
    public int compareTo(SeriesKey o) {
        int c = feed.compareTo(o.feed);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return feed + "/" + name;
    }
}
