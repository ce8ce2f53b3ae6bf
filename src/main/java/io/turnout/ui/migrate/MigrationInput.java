package io.turnout.ui.migrate;

import io.turnout.db.DbUrl;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.Dialect;
import io.turnout.migrate.MigrationSource;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The wizard's first page: where the SQL comes from (a folder, files, or pasted text), its dialect,
 * the PostgreSQL version the verdicts are for, and the database (optional until something runs).
 * FX thread for the properties; {@link Snapshot#sources} and {@link Snapshot#options} block.
 */
public final class MigrationInput {

    public enum Kind { PASTE, FOLDER, FILES }

    /** What the version box offers besides a number: ask the connected server. */
    public static final String FROM_DATABASE = "from the database";
    static final String PASTED_NAME = "pasted.sql";

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.PASTE);
    private final ObservableList<Path> paths = FXCollections.observableArrayList();
    private final StringProperty pasted = new SimpleStringProperty("");
    private final ObjectProperty<Dialect> dialect = new SimpleObjectProperty<>(Dialect.POSTGRESQL);
    private final StringProperty pgVersion = new SimpleStringProperty(FROM_DATABASE);
    private final StringProperty database = new SimpleStringProperty("");

    /** The input as it stands, checked, for a background task. @throws IllegalArgumentException with a sentence */
    public Snapshot snapshot() {
        if (kind.get() == Kind.PASTE && pasted.get().isBlank()) {
            throw new IllegalArgumentException("Paste the SQL to classify.");
        }
        if (kind.get() != Kind.PASTE && paths.isEmpty()) {
            throw new IllegalArgumentException(kind.get() == Kind.FOLDER ? "Choose the Flyway migrations folder." : "Choose the migration files.");
        }
        DbUrl db = db();
        String v = pgVersion.get() == null ? "" : pgVersion.get().strip();
        OptionalInt version = OptionalInt.empty();
        boolean ask = false;
        if (v.equals(FROM_DATABASE)) {
            ask = db != null && dialect.get() == Dialect.POSTGRESQL;
        } else if (!v.isEmpty()) {
            try {
                version = OptionalInt.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("PostgreSQL version must be a major version such as 15, or \"" + FROM_DATABASE + "\".");
            }
        }
        return new Snapshot(kind.get(), List.copyOf(paths), pasted.get(), dialect.get(), version, ask, db);
    }

    /** The database URL, or null when none was given. @throws IllegalArgumentException when it is not one */
    public DbUrl db() {
        String url = database.get() == null ? "" : database.get().strip();
        return url.isEmpty() ? null : DbUrl.parse(url);
    }

    /**
     * @param askServer the version comes from {@code db} (the box says "from the database" and a URL is given)
     */
    public record Snapshot(Kind kind, List<Path> paths, String pasted, Dialect dialect, OptionalInt pgVersion, boolean askServer,
                           DbUrl db) {

        /** Blocking: reads the files. */
        public List<MigrationSource> sources(MigrationWizardServices services) throws IOException {
            return kind == Kind.PASTE ? List.of(new MigrationSource(PASTED_NAME, pasted)) : services.read(paths);
        }

        /** Blocking when the version comes from the server. */
        public ClassifyOptions options(MigrationWizardServices services) {
            return new ClassifyOptions(dialect, askServer ? OptionalInt.of(services.serverVersion(db)) : pgVersion);
        }
    }

    public ObjectProperty<Kind> kindProperty() { return kind; }
    public ObservableList<Path> paths() { return paths; }
    public StringProperty pastedProperty() { return pasted; }
    public ObjectProperty<Dialect> dialectProperty() { return dialect; }
    public StringProperty pgVersionProperty() { return pgVersion; }
    public StringProperty databaseProperty() { return database; }
}
