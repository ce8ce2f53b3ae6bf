package io.turnout.timeline;

/** What a vertical mark on the timeline stands for. */
public enum MarkerKind {
    STEP, GATE_PASSED, SWITCH, DRAIN_DONE, ROLLBACK, MIGRATION_START, MIGRATION_END,
    MAINTENANCE_ON, MAINTENANCE_OFF, HEALTH_CHANGE, ALERT
}
