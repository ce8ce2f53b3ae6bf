package io.turnout.ui.shell;

import io.turnout.profile.ConnectionProfile;
import io.turnout.ui.common.TaskRunner;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The operator's known hosts (the engine's host catalog: saved profiles, ssh-config aliases,
 * Docker contexts, the local engine) for the palette and "Add host…". Reading it parses files,
 * so it runs through the task runner; the list is replaced only when something changed, so an
 * open palette keeps its selection. FX thread only.
 */
final class KnownHosts {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHosts.class);

    private final Supplier<List<ConnectionProfile>> catalog;
    private final Consumer<String> forgetProfile;
    private final TaskRunner runner;
    private final ObservableList<ConnectionProfile> entries = FXCollections.observableArrayList();
    private final ObservableList<ConnectionProfile> readOnly = FXCollections.unmodifiableObservableList(entries);
    private boolean loading;
    private boolean again;

    /**
     * @param catalog       blocking read of the catalog (called on a background thread)
     * @param forgetProfile blocking removal of the saved profile with this name (background thread)
     */
    KnownHosts(Supplier<List<ConnectionProfile>> catalog, Consumer<String> forgetProfile, TaskRunner runner) {
        this.catalog = catalog;
        this.forgetProfile = forgetProfile;
        this.runner = runner;
    }

    /** Re-reads the catalog in the background (ssh config or profiles may have changed). */
    void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        runner.run(catalog::get, this::loaded, e -> {
            LOG.warn("Known hosts not readable: {}", e.toString());
            loaded(null);
        });
    }

    private void loaded(List<ConnectionProfile> next) {
        loading = false;
        if (next != null && !next.equals(entries)) {
            entries.setAll(next);
        }
        if (again) {
            again = false;
            refresh();
        }
    }

    /** Removes a saved profile (only source {@code profiles}) in the background, then re-reads. */
    void forget(ConnectionProfile profile) {
        runner.run(() -> {
            forgetProfile.accept(profile.name());
            return null;
        }, done -> refresh(), e -> LOG.warn("Cannot forget saved host {}: {}", profile.name(), e.toString()));
    }

    ObservableList<ConnectionProfile> entries() {
        return readOnly;
    }
}
