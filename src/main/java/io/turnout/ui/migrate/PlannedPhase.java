package io.turnout.ui.migrate;

/**
 * One phase of an expand / migrate / contract plan, as a ready Flyway file.
 *
 * @param phase             {@code expand}, {@code migrate} or {@code contract}
 * @param conf              Flyway's {@code .conf} beside the file (e.g. {@code executeInTransaction=false}), or null
 * @param rollbackSafeAfter whether the previous code version still works once this phase ran; the first
 *                          phase where it is false is where a code rollback stops being safe
 */
public record PlannedPhase(String phase, String fileName, String sql, String conf, boolean rollbackSafeAfter) {
}
