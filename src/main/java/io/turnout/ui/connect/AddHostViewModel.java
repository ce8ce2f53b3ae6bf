package io.turnout.ui.connect;

import io.turnout.profile.ConnectionProfile;
import io.turnout.target.TargetUri;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.util.Subscription;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * "Add host…" without a toolkit: the typed host (free-form, or a known host's name), the optional
 * remote socket, the known hosts that match what is typed, and whether to remember a new host.
 * Typing a known host's name (or its exact target) connects that entry and offers no "remember":
 * it is already known. FX thread (or a test thread) only.
 */
public final class AddHostViewModel {

    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty socket = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionProfile> known = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ConnectionProfile> catalog;
    private final FilteredList<ConnectionProfile> suggestions;
    private final Subscription catalogWatch;

    /** @param catalog the operator's known hosts; may still change (it is loaded in the background) */
    public AddHostViewModel(ObservableList<ConnectionProfile> catalog) {
        this.catalog = catalog;
        this.suggestions = new FilteredList<>(catalog);
        uri.subscribe(this::update);
        socket.subscribe(this::recognise);
        // A change listener runs after the FilteredList's own, so it sees the list consistent.
        ListChangeListener<ConnectionProfile> watch = c -> recognise();
        catalog.addListener(watch);
        catalogWatch = () -> catalog.removeListener(watch);
    }

    /** Stops following the catalog (it outlives the dialog). */
    public void close() {
        catalogWatch.unsubscribe();
    }

    /** Puts a suggestion's name into the host field. */
    public void choose(ConnectionProfile p) {
        if (p != null) {
            uri.set(p.name());
        }
    }

    /** What the dialog returns when the operator adds; only call when {@link #acceptable()} holds. */
    public AddHostRequest request() {
        ConnectionProfile k = known.get();
        String text = k != null && k.name().equals(uri.get().strip()) ? k.uri() : uri.get();
        return AddHostRequest.parse(text, socket.get()).remembering(k == null && remember.get());
    }

    private void update() {
        String q = text().toLowerCase(Locale.ROOT);
        suggestions.setPredicate(p -> q.isEmpty() || matches(p, q));
        recognise();
    }

    private String text() {
        return uri.get() == null ? "" : uri.get().strip();
    }

    /** Which known host the text names, and what is wrong with it. */
    private void recognise() {
        String text = text();
        known.set(text.isEmpty() ? null : knownEntry(text).orElse(null));
        problem.set(text.isEmpty() ? "" : problemWith(known.get() != null && known.get().name().equals(text) ? known.get().uri() : text));
    }

    private String problemWith(String text) {
        try {
            AddHostRequest.parse(text, socket.get());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static boolean matches(ConnectionProfile p, String q) {
        return contains(p.name(), q) || contains(p.uri(), q) || contains(p.hostName(), q);
    }

    private static boolean contains(String s, String q) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(q);
    }

    /** The known host named {@code text}, else the one whose target is exactly what {@code text} parses to. */
    private Optional<ConnectionProfile> knownEntry(String text) {
        Optional<ConnectionProfile> byName = catalog.stream().filter(p -> p.name().equals(text)).findFirst();
        if (byName.isPresent()) {
            return byName;
        }
        TargetUri typed = parseOrNull(text);
        return typed == null ? Optional.empty()
                : catalog.stream().filter(p -> typed.equals(parseOrNull(p.uri()))).findFirst();
    }

    static TargetUri parseOrNull(String text) {
        try {
            return TargetUri.parse(Objects.requireNonNullElse(text, ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public StringProperty uriProperty() {
        return uri;
    }

    public StringProperty socketProperty() {
        return socket;
    }

    /** Checked by default; only offered (and only honoured) for a host that is not already known. */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** Empty when the input is acceptable (or still empty), else one sentence saying what is wrong. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The known host the typed text names, or null for a new host. */
    public ReadOnlyObjectProperty<ConnectionProfile> knownProperty() {
        return known.getReadOnlyProperty();
    }

    /** Known hosts whose name, URI or host name contains what is typed (all of them while nothing is). */
    public ObservableList<ConnectionProfile> suggestions() {
        return suggestions;
    }

    public ObservableList<ConnectionProfile> catalog() {
        return catalog;
    }

    public BooleanBinding acceptable() {
        return Bindings.createBooleanBinding(() -> problem.get().isEmpty() && !uri.get().isBlank(), problem, uri);
    }
}
