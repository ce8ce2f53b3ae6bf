package io.turnout.timeline;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/** An immutable copy of a timeline window: every series' points and the markers within [from, to]. */
public record TimelineSlice(Instant from, Instant to, SortedMap<SeriesKey, SeriesData> series, List<Marker> markers) {
}
