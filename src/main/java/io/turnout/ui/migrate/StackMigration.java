package io.turnout.ui.migrate;

/**
 * The wizard's services bound to one stack, and what to prefill from its turnout.yml.
 *
 * @param database the stack's {@code database.url} (no password: PGPASSWORD or ~/.pgpass supply it), or null
 */
public record StackMigration(MigrationWizardServices services, String database) {
}
