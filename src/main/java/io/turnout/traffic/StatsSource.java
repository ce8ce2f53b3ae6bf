package io.turnout.traffic;

/** The router's counters as HAProxy {@code show stat} CSV, read now; throws when the router does not answer. */
@FunctionalInterface
public interface StatsSource {
    String showStat();
}
