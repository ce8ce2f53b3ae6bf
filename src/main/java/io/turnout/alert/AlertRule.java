package io.turnout.alert;

import io.turnout.timeline.TimelineSlice;

import java.time.Duration;
import java.util.Map;

/**
 * A threshold over a window of the timeline. Rules read plain series and markers, so they know no
 * feed: the DB, traffic and health feeds only have to write the series named in {@link AlertRules}.
 */
public interface AlertRule {

    /** Short and stable: it keys episodes and names the rule in messages. */
    String name();

    /** How much of the timeline {@link #breaches} needs. */
    Duration window();

    /** Subjects breaching now → the message saying by how much; empty when all is well. */
    Map<String, String> breaches(TimelineSlice window);
}
