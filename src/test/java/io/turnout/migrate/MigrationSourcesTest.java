package io.turnout.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationSourcesTest {

    @TempDir Path dir;

    @Test
    void flywayFolderIsOrderedByNumericVersionThenRepeatableThenUndo() throws IOException {
        for (String f : List.of("V1.10__ten.sql", "V1.9__nine.sql", "V2__two.sql", "V1__one.sql", "R__views.sql",
                "U2__undo_two.sql", "notes.txt", "V1_2__one_two.sql")) {
            Files.writeString(dir.resolve(f), "SELECT 1;");
        }
        List<MigrationSources.Entry> e = MigrationSources.expand(List.of(dir));
        assertThat(e).extracting(x -> Path.of(x.source().name()).getFileName().toString()).containsExactly(
                "V1__one.sql", "V1_2__one_two.sql", "V1.9__nine.sql", "V1.10__ten.sql", "V2__two.sql", "R__views.sql", "U2__undo_two.sql");
        assertThat(e.get(6).kind()).isEqualTo(MigrationSources.Kind.UNDO);
        assertThat(e.get(5).kind()).isEqualTo(MigrationSources.Kind.REPEATABLE);
    }

    @Test
    void singleFileIsReadAsIs() throws IOException {
        Path f = Files.writeString(dir.resolve("change.sql"), "ALTER TABLE a ADD COLUMN b text;");
        assertThat(MigrationSources.expand(List.of(f))).singleElement().satisfies(x -> {
            assertThat(x.source().sql()).contains("ADD COLUMN");
            assertThat(x.kind()).isEqualTo(MigrationSources.Kind.FILE);
        });
    }

    @Test
    void missingPathIsOneSentence() {
        assertThatThrownBy(() -> MigrationSources.expand(List.of(dir.resolve("nope.sql"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("(no such file or directory).");
    }

    @Test
    void pastedTextIsNamedPastedSql() {
        assertThat(MigrationSources.pasted("SELECT 1").source().name()).isEqualTo("pasted.sql");
    }
}
