package io.turnout.ui.shell;

import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** One "host: connected · 12 ms" entry per open host, in the hosts' order. FX thread only. */
public final class StatusBarViewModel {

    /** {@code text} is what the status bar shows; {@code state} picks the icon. */
    public record Entry(TargetUri target, String text, ConnectionState state) { }

    private final HostsModel hosts;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();

    public StatusBarViewModel(HostsModel hosts) {
        this.hosts = hosts;
        hosts.revisionProperty().subscribe(this::refresh);
    }

    private void refresh() {
        List<Entry> next = hosts.hosts().stream().map(h -> new Entry(h.target(),
                h.label() + ": " + h.connectionProperty().get().describe(), h.connectionProperty().get())).toList();
        if (!next.equals(entries)) {
            entries.setAll(next);
        }
    }

    public ObservableList<Entry> entries() {
        return entries;
    }
}
