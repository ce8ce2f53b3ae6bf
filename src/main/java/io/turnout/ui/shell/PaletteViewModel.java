package io.turnout.ui.shell;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The command palette: every target/stack/service/container to jump to plus actions, filtered by
 * a fuzzy match (substring first, then the query's letters in order). Enter runs the first
 * result or the chosen one.
 */
public final class PaletteViewModel {

    /** {@code kind} is shown dimmed ("Container", "Action"...); {@code run} is called on the FX thread. */
    public record Command(String title, String kind, Runnable run) { }

    private final Supplier<List<Command>> commands;
    private final Runnable onOpen;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Command> results = FXCollections.observableArrayList();
    private List<Command> all = List.of();

    public PaletteViewModel(Supplier<List<Command>> commands) {
        this(commands, () -> { });
    }

    /** @param onOpen called each time the palette opens, e.g. to re-read slow sources that then call {@link #reload()} */
    public PaletteViewModel(Supplier<List<Command>> commands, Runnable onOpen) {
        this.commands = commands;
        this.onOpen = onOpen;
        query.subscribe(this::refilter);
    }

    /** Re-reads the commands (the host's containers change) and clears the query. */
    public void open() {
        onOpen.run();
        all = List.copyOf(commands.get());
        query.set("");
        refilter();
    }

    /** Re-reads the commands and keeps the query: a source changed while the palette is open. */
    public void reload() {
        all = List.copyOf(commands.get());
        refilter();
    }

    public void run(Command command) {
        if (command != null) {
            command.run().run();
        }
    }

    private void refilter() {
        String q = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int score = score(all.get(i), q);
            if (score >= 0) {
                scored.add(new Scored(all.get(i), score, i));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparingInt(Scored::order));
        results.setAll(scored.stream().map(Scored::command).toList());
    }

    private record Scored(Command command, int score, int order) { }

    /** Lower is better; -1 is no match. 0 prefix, 1 substring, 2 letters in order. */
    static int score(Command c, String q) {
        if (q.isEmpty()) {
            return 0;
        }
        String text = (c.title() + " " + c.kind()).toLowerCase(Locale.ROOT);
        if (text.startsWith(q)) {
            return 0;
        }
        if (text.contains(q)) {
            return 1;
        }
        int at = 0;
        for (char ch : q.toCharArray()) {
            if (ch == ' ') {
                continue;
            }
            at = text.indexOf(ch, at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        return 2;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Command> results() {
        return results;
    }
}
