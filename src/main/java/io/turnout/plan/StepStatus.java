package io.turnout.plan;

public enum StepStatus { PENDING, RUNNING, DONE, FAILED, SKIPPED, COMPENSATED, COMPENSATION_FAILED }
