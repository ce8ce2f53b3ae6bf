package io.turnout.migrate;

/** @param rows the planner's estimate (pg_class.reltuples), not an exact count */
public record TableSize(long bytes, long rows) {
}
