package io.turnout.release;

import io.turnout.plan.Plan;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterruptedMigrationTest {

    @Test
    void rebuildsTheJournalsStepsWithRealMaintenanceStepsSoARollBackEndsMaintenance() {
        // No context is needed to build the steps; only applying a maintenance step would touch the router.
        Plan plan = InterruptedMigration.plan(null, Map.of("kind", "migrate", "runId", "migrate-1",
                "steps", "classify,flyway-validate,backup,maintenance-on,migrate,maintenance-off,verify"));

        assertThat(plan.steps()).extracting(s -> s.id())
                .containsExactly("classify", "flyway-validate", "backup", "maintenance-on", "migrate", "maintenance-off", "verify");
        assertThat(plan.steps().get(3)).isInstanceOf(MaintenanceStep.class);
        assertThat(plan.steps().get(5)).isInstanceOf(MaintenanceStep.class);
        assertThatThrownBy(() -> plan.steps().get(4).apply(null)).hasMessageContaining("cannot be resumed from its journal");
    }
}
