package io.turnout.alert;

import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates the rules against one target's timeline (every second once started) and turns
 * breaches into episodes: an alert when a rule starts to breach for a subject, nothing while it
 * goes on, a "resolved" when it stops. Each alert is an ALERT marker on the timeline and goes to
 * every notifier; a failing notifier is logged and does not stop the others.
 */
public final class AlertEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    private final String scope;
    private final Timeline timeline;
    private final List<AlertRule> rules;
    private final CopyOnWriteArrayList<AlertNotifier> notifiers = new CopyOnWriteArrayList<>();
    /** rule + subject → the alert that opened the episode */
    private final Map<String, Alert> open = new HashMap<>();
    private ScheduledExecutorService ticker;

    public AlertEngine(String scope, Timeline timeline, List<AlertRule> rules, List<AlertNotifier> notifiers) {
        this.scope = scope;
        this.timeline = timeline;
        this.rules = List.copyOf(rules);
        this.notifiers.addAll(notifiers);
    }

    /** The GUI adds its desktop notifier once its window exists. @return removes it again */
    public Runnable addNotifier(AlertNotifier notifier) {
        notifiers.add(notifier);
        return () -> notifiers.remove(notifier);
    }

    public synchronized void start(Duration every) {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alerts-" + scope);
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                evaluate();
            } catch (RuntimeException e) {
                LOG.warn("alerts {}: evaluation failed: {}", scope, e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    /** Alerts whose episode is still going on, oldest first. */
    public synchronized List<Alert> active() {
        return open.values().stream().sorted(java.util.Comparator.comparing(Alert::at)).toList();
    }

    /** One pass over all rules; returns the alerts raised or resolved by it. */
    public synchronized List<Alert> evaluate() {
        Instant now = timeline.now();
        List<Alert> events = new ArrayList<>();
        for (AlertRule rule : rules) {
            Map<String, String> breaches = rule.breaches(timeline.last(rule.window()));
            breaches.forEach((subject, message) -> {
                String key = rule.name() + "/" + subject;
                if (!open.containsKey(key)) {
                    Alert a = new Alert(scope, rule.name(), subject, message, now, false);
                    open.put(key, a);
                    events.add(a);
                }
            });
            for (Iterator<Map.Entry<String, Alert>> it = open.entrySet().iterator(); it.hasNext(); ) {
                Alert a = it.next().getValue();
                if (a.rule().equals(rule.name()) && !breaches.containsKey(a.subject())) {
                    it.remove();
                    events.add(new Alert(scope, a.rule(), a.subject(), a.rule() + " on " + a.subject() + " is back to normal.",
                            now, true));
                }
            }
        }
        for (Alert a : events) {
            timeline.mark(new Marker(a.at(), MarkerKind.ALERT, scope, (a.resolved() ? "Resolved: " : "Alert: ")
                    + a.rule() + " " + a.subject(), a.message()));
            for (AlertNotifier n : notifiers) {
                try {
                    n.notify(a);
                } catch (RuntimeException e) {
                    LOG.warn("alerts {}: notifier {} failed: {}", scope, n.getClass().getSimpleName(), e.toString());
                }
            }
        }
        return events;
    }
}
