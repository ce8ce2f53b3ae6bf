package io.turnout.ui.detail;

import io.turnout.docker.ContainerDetails;
import io.turnout.docker.ContainerDetails.EnvVar;
import io.turnout.docker.ContainerDetails.HealthProbe;
import io.turnout.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Inspect summary, environment, labels and health log of one container; loaded through the task runner. */
public final class DetailViewModel {

    /** Shown instead of a masked value; this version has no way to reveal it. */
    public static final String MASK = "••••••";

    public record Fact(String name, String value) { }

    private final TaskRunner runner;
    private final Function<String, ContainerDetails> inspect;
    private final String containerId;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<ContainerDetails> details = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<EnvVar> env = FXCollections.observableArrayList();
    private final ObservableList<Fact> labels = FXCollections.observableArrayList();
    private final ObservableList<HealthProbe> healthLog = FXCollections.observableArrayList();

    public DetailViewModel(TaskRunner runner, Function<String, ContainerDetails> inspect, String containerId) {
        this.runner = runner;
        this.inspect = inspect;
        this.containerId = containerId;
    }

    public void refresh() {
        loading.set(true);
        runner.run(() -> inspect.apply(containerId), this::show, e -> {
            loading.set(false);
            error.set("Could not inspect the container: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
        });
    }

    private void show(ContainerDetails d) {
        loading.set(false);
        error.set(null);
        details.set(d);
        var r = d.row();
        List<Fact> f = new ArrayList<>(List.of(
                new Fact("Name", r.name()), new Fact("ID", r.shortId()), new Fact("Image", r.image()),
                new Fact("Image ID", shortDigest(d.imageId())), new Fact("Command", Objects.requireNonNullElse(d.command(), "")),
                new Fact("State", r.status()), new Fact("Health", r.health().name().toLowerCase()),
                new Fact("Stack / service", Objects.requireNonNullElse(r.stack(), "—") + " / " + Objects.requireNonNullElse(r.service(), "—")),
                new Fact("Color", Objects.requireNonNullElse(r.color(), "—")),
                new Fact("Restarts", String.valueOf(r.restartCount())),
                new Fact("Networks", String.join(", ", d.networks())),
                new Fact("Mounts", String.join(", ", d.mounts()))));
        if (d.exitCode() != null && !r.running()) {
            f.add(new Fact("Exit code", d.exitCode().toString()));
        }
        facts.setAll(f);
        env.setAll(d.env().stream().sorted(Comparator.comparing(EnvVar::name)).toList());
        labels.setAll(d.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Fact(e.getKey(), e.getValue())).toList());
        healthLog.setAll(d.healthLog().reversed());
    }

    private static String shortDigest(String id) {
        if (id == null) {
            return "";
        }
        return id.startsWith("sha256:") && id.length() > 19 ? id.substring(0, 19) : id;
    }

    /** What the env table shows in the value column. */
    public static String displayValue(EnvVar v) {
        return v.masked() ? MASK : v.value();
    }

    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ContainerDetails> detailsProperty() { return details.getReadOnlyProperty(); }
    public ObservableList<Fact> facts() { return facts; }
    public ObservableList<EnvVar> env() { return env; }
    public ObservableList<Fact> labels() { return labels; }
    /** Newest first. */
    public ObservableList<HealthProbe> healthLog() { return healthLog; }
    public String containerId() { return containerId; }
}
