package io.turnout.ui.shell;

import io.turnout.profile.ConnectionProfile;
import io.turnout.target.TargetUri;
import io.turnout.ui.connect.KnownHostText;
import io.turnout.ui.shell.PaletteViewModel.Command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The palette's known-host commands: "Connect NAME" for every catalog entry not open yet (detail:
 * where it goes and where it was found) and "Forget saved host NAME" for every saved profile.
 */
final class CatalogCommands {

    private CatalogCommands() {
    }

    static List<Command> build(List<ConnectionProfile> catalog, Collection<TargetUri> open,
                               Consumer<ConnectionProfile> connect, Consumer<ConnectionProfile> forget) {
        List<Command> connects = new ArrayList<>();
        List<Command> forgets = new ArrayList<>();
        for (ConnectionProfile p : catalog) {
            TargetUri target = parseOrNull(p.uri());
            if (target != null && open.stream().noneMatch(t -> isOpen(target, t))) {
                connects.add(new Command("Connect " + p.name(), KnownHostText.detail(p), () -> connect.accept(p)));
            }
            if (KnownHostText.isSaved(p)) {
                forgets.add(new Command("Forget saved host " + p.name(), "Action · " + p.uri(), () -> forget.accept(p)));
            }
        }
        connects.addAll(forgets);
        return connects;
    }

    /**
     * The entry's target is open, or it is an ssh-config alias ({@code ssh://NAME}) and that host
     * is open under another user or port: it is the same machine in the sidebar already.
     */
    static boolean isOpen(TargetUri entry, TargetUri open) {
        if (entry.equals(open)) {
            return true;
        }
        return entry.scheme() == TargetUri.Scheme.SSH && open.scheme() == TargetUri.Scheme.SSH
                && entry.user() == null && entry.port() <= 0 && entry.params().isEmpty() && entry.host().equals(open.host());
    }

    private static TargetUri parseOrNull(String uri) {
        try {
            return TargetUri.parse(uri);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
