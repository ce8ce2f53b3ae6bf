package io.turnout.migrate.expand;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaChangesTest {

    @Test
    void recognisesRenameWithAndWithoutColumnKeyword() {
        assertThat(SchemaChanges.parse("ALTER TABLE public.users RENAME COLUMN mail TO email"))
                .contains(new SchemaChange.RenameColumn("public.users", "mail", "email"));
        assertThat(SchemaChanges.parse("alter table \"Users\" rename \"Mail\" to email;"))
                .contains(new SchemaChange.RenameColumn("\"Users\"", "\"Mail\"", "email"));
    }

    @Test
    void recognisesTypeChangeWithUsing() {
        assertThat(SchemaChanges.parse("ALTER TABLE t ALTER COLUMN c SET DATA TYPE numeric(12,2) USING c::numeric / 100"))
                .contains(new SchemaChange.ChangeType("t", "c", "numeric(12,2)", "c::numeric / 100"));
        assertThat(SchemaChanges.parse("ALTER TABLE t ALTER c TYPE bigint"))
                .contains(new SchemaChange.ChangeType("t", "c", "bigint", null));
    }

    @Test
    void recognisesDropColumnButNotDropConstraint() {
        assertThat(SchemaChanges.parse("ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE")).contains(new SchemaChange.DropColumn("t", "c"));
        assertThat(SchemaChanges.parse("ALTER TABLE t DROP CONSTRAINT t_pkey")).isEmpty();
    }

    @Test
    void addColumnIsAChangeOnlyWhenNotNull() {
        assertThat(SchemaChanges.parse("ALTER TABLE t ADD COLUMN c timestamptz NOT NULL DEFAULT now()"))
                .contains(new SchemaChange.AddNotNullColumn("t", "c", "timestamptz", "now()"));
        assertThat(SchemaChanges.parse("ALTER TABLE t ADD COLUMN c varchar(20) DEFAULT 'x' NOT NULL"))
                .contains(new SchemaChange.AddNotNullColumn("t", "c", "varchar(20)", "'x'"));
        assertThat(SchemaChanges.parse("ALTER TABLE t ADD COLUMN c int")).isEmpty();
        assertThat(SchemaChanges.parse("ALTER TABLE t ADD CONSTRAINT c CHECK (x IS NOT NULL)")).isEmpty();
    }

    @Test
    void setNotNullAndMultiActionAlters() {
        assertThat(SchemaChanges.parse("ALTER TABLE ONLY t ALTER COLUMN c SET NOT NULL")).contains(new SchemaChange.SetNotNull("t", "c"));
        assertThat(SchemaChanges.parse("ALTER TABLE t RENAME COLUMN a TO b, DROP COLUMN c")).isEmpty();
        assertThat(SchemaChanges.parse("CREATE INDEX i ON t (c)")).isEmpty();
    }
}
