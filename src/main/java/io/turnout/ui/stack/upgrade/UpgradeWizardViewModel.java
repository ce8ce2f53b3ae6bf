package io.turnout.ui.stack.upgrade;

import io.turnout.plan.Plan;
import io.turnout.release.StackOperations;
import io.turnout.release.UpgradeRequest;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.stack.ReleaseText;
import io.turnout.ui.stack.ServiceItem;
import io.turnout.ui.stack.run.RunViewModel;
import io.turnout.ui.stack.run.StepPreview;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The upgrade wizard: service and image → options → plan preview ({@code planUpgrade}) → live run →
 * summary. Options become an {@link UpgradeRequest}; the run goes through a {@link RunViewModel}
 * (which registers it with the activity drawer). FX thread only.
 */
public final class UpgradeWizardViewModel {

    public enum Page { IMAGE, OPTIONS, PREVIEW, RUN, SUMMARY }

    private final Supplier<StackOperations> ops;
    private final TaskRunner runner;
    private final RunViewModel run;
    private final Map<String, ServiceItem> services = new LinkedHashMap<>();
    private final StringProperty service = new SimpleStringProperty();
    private final StringProperty image = new SimpleStringProperty("");
    private final ObjectProperty<SwitchMode> switchMode = new SimpleObjectProperty<>(SwitchMode.AUTOMATIC);
    private final BooleanProperty autoCleanup = new SimpleBooleanProperty(false);
    private final BooleanProperty skipHealth = new SimpleBooleanProperty(false);
    private final StringProperty healthTimeout = new SimpleStringProperty("");
    private final StringProperty healthInterval = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.IMAGE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper currentImage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final StringBinding nextLabel;
    private Plan previewed;
    private String prefilledFor;

    /**
     * @param routed    the stack's routed services as the stack view last read them
     * @param preselect the service whose "Upgrade…" button opened the wizard, or null for the first
     * @param ops       the stack's operations; may block on first use, so called off the FX thread only
     */
    public UpgradeWizardViewModel(List<ServiceItem> routed, String preselect, Supplier<StackOperations> ops, TaskRunner runner,
                                  RunViewModel run) {
        this.ops = ops;
        this.runner = runner;
        this.run = run;
        routed.stream().filter(ServiceItem::routed).forEach(s -> services.put(s.name(), s));
        service.subscribe(name -> {
            // Prefill once per service actually chosen: a combo box passing through null (skin, focus) must
            // not overwrite an image the operator typed.
            if (name == null || name.equals(prefilledFor)) {
                return;
            }
            prefilledFor = name;
            ServiceItem s = services.get(name);
            currentImage.set(s == null ? "" : s.activeImage());
            image.set(currentImage.get());
        });
        service.set(preselect != null && services.containsKey(preselect) ? preselect
                : services.keySet().stream().findFirst().orElse(null));
        switchMode.subscribe(m -> {
            if (!m.switches()) {
                autoCleanup.set(false);
            }
        });
        run.phaseProperty().subscribe(p -> {
            if (p == RunViewModel.Phase.FINISHED) {
                summary.set(Summaries.sentence(run, service.get(), targetColor(), ReleaseText.version(image.get()), switchMode.get()));
                page.set(Page.SUMMARY);
            }
        });
        canNext = Bindings.createBooleanBinding(this::nextEnabled, page, busy, image, service, run.phaseProperty());
        nextLabel = Bindings.createStringBinding(this::nextText, page, image, service);
        canBack = Bindings.createBooleanBinding(() -> !busy.get()
                && (page.get() == Page.OPTIONS || page.get() == Page.PREVIEW || page.get() == Page.SUMMARY), page, busy);
    }

    private boolean nextEnabled() {
        return !busy.get() && switch (page.get()) {
            case IMAGE -> service.get() != null && image.get() != null && !image.get().isBlank();
            case OPTIONS, SUMMARY -> true;
            case PREVIEW -> run.phaseProperty().get() == RunViewModel.Phase.PREVIEW;
            case RUN -> run.phaseProperty().get() == RunViewModel.Phase.FINISHED;
        };
    }

    private String nextText() {
        return switch (page.get()) {
            case IMAGE -> "Next";
            case OPTIONS -> "Preview plan";
            case PREVIEW -> "Upgrade " + service.get() + " to " + ReleaseText.version(image.get());
            case RUN -> "Summary";
            case SUMMARY -> "Close";
        };
    }

    public void next() {
        if (!canNext.get()) {
            return;
        }
        error.set("");
        switch (page.get()) {
            case IMAGE -> page.set(Page.OPTIONS);
            case OPTIONS -> preview();
            case PREVIEW -> start();
            case RUN -> page.set(Page.SUMMARY);
            case SUMMARY -> done.set(true);
        }
    }

    public void back() {
        if (!canBack.get()) {
            return;
        }
        error.set("");
        page.set(switch (page.get()) {
            case OPTIONS -> Page.IMAGE;
            case PREVIEW -> Page.OPTIONS;
            case SUMMARY -> Page.RUN;
            default -> page.get();
        });
    }

    private void preview() {
        UpgradeRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        busy.set(true);
        runner.run(() -> StepPreview.PlanPreview.of(ops.get().planUpgrade(request)), preview -> {
            busy.set(false);
            previewed = preview.plan();
            run.show(preview);
            page.set(Page.PREVIEW);
        }, e -> {
            busy.set(false);
            error.set("Cannot plan this upgrade: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    /** Runs exactly the plan the preview showed. */
    private void start() {
        Plan plan = previewed;
        page.set(Page.RUN);
        run.start(plan.title(), switchMode.get() == SwitchMode.ASK, o -> ops.get().execute(plan, o));
    }

    /** What the options say, validated. @throws IllegalArgumentException with a sentence for the operator */
    public UpgradeRequest request() {
        if (image.get() == null || image.get().isBlank() || image.get().strip().contains(" ")) {
            throw new IllegalArgumentException("Name the image to upgrade to, e.g. registry.example.com/shop/web:2.4.1.");
        }
        return new UpgradeRequest(service.get(), image.get().strip(), Seconds.parse("Health timeout", healthTimeout.get()),
                Seconds.parse("Health check interval", healthInterval.get()), switchMode.get().switches(),
                switchMode.get().switches() && autoCleanup.get(), skipHealth.get());
    }

    /** The color the upgrade creates: the one not active now. */
    public String targetColor() {
        ServiceItem s = services.get(service.get());
        return s == null || s.active() == null ? "the other color" : s.active().other().id();
    }

    public ObservableList<String> services() { return FXCollections.observableArrayList(services.keySet()); }
    public StringProperty serviceProperty() { return service; }
    public StringProperty imageProperty() { return image; }
    public ObjectProperty<SwitchMode> switchModeProperty() { return switchMode; }
    public BooleanProperty autoCleanupProperty() { return autoCleanup; }
    public BooleanProperty skipHealthProperty() { return skipHealth; }
    public StringProperty healthTimeoutProperty() { return healthTimeout; }
    public StringProperty healthIntervalProperty() { return healthInterval; }
    public ReadOnlyObjectProperty<Page> pageProperty() { return page.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True once the operator pressed "Close" on the summary. */
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public ReadOnlyStringProperty currentImageProperty() { return currentImage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public BooleanBinding canNextBinding() { return canNext; }
    public StringBinding nextLabelBinding() { return nextLabel; }
    public BooleanBinding canBackBinding() { return canBack; }
    public RunViewModel run() { return run; }
}
