package io.turnout.ui.migrate;

/**
 * One phase of an expand / migrate / contract plan, as a ready Flyway file.
 *
 * @param phase             {@code expand}, {@code migrate} or {@code contract}
 * @param rollbackSafeAfter whether the previous code version still works once this phase ran; the first
 *                          phase where it is false is where a code rollback stops being safe
 */
public record PlannedPhase(String phase, String fileName, String sql, boolean rollbackSafeAfter) {
}
