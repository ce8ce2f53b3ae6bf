package io.turnout.ui.stack.run;

import io.turnout.plan.PlanResult;
import io.turnout.plan.StepStatus;

import java.time.Duration;

/**
 * One {@link io.turnout.plan.PlanListener} callback, captured on the executor's thread for the FX
 * thread, with the step's words already read there (reading them may do I/O).
 */
sealed interface RunEvent {

    record Started(int index, StepPreview step) implements RunEvent { }

    record Log(int index, String line) implements RunEvent { }

    record Progress(int index, double fraction) implements RunEvent { }

    record Detail(int index, Object detail) implements RunEvent { }

    record Finished(int index, String title, StepStatus status, Duration took, String error) implements RunEvent { }

    record PlanDone(PlanResult result) implements RunEvent { }
}
