package io.turnout.plan;

/**
 * Asked before each {@link Step#dangerous() dangerous} step. The GUI shows a button named after the
 * step; the CLI asks on a terminal; {@code --auto-*} flags and {@code --yes} answer for the operator.
 */
@FunctionalInterface
public interface Gate {

    /** @return true to run the step, false to stop the plan here (result STOPPED, nothing compensated) */
    boolean confirm(Step step);

    Gate AUTO = step -> true;
}
