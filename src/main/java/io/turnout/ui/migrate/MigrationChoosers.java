package io.turnout.ui.migrate;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The wizard's native file dialogs, kept out of the controller's bindings. */
final class MigrationChoosers {

    Optional<Path> folder(Window owner, String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        return Optional.ofNullable(c.showDialog(owner)).map(File::toPath);
    }

    List<Path> sqlFiles(Window owner) {
        FileChooser c = new FileChooser();
        c.setTitle("Migration files");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SQL migrations", "*.sql"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = c.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    Optional<Path> report(Window owner) {
        FileChooser c = new FileChooser();
        c.setTitle("Export report");
        c.setInitialFileName("migration-report.md");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Markdown", "*.md"),
                new FileChooser.ExtensionFilter("HTML", "*.html"));
        return Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
    }
}
