package io.turnout.alert;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The notifiers the environment configures; the GUI adds its desktop one itself. */
public final class AlertNotifiers {

    /** A Slack or Discord incoming-webhook URL; alerts are POSTed there when set. */
    public static final String ENV_WEBHOOK = "TURNOUT_ALERT_WEBHOOK";
    public static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);

    private AlertNotifiers() {
    }

    /** @throws IllegalArgumentException when the webhook variable is set but is not an http(s) URL */
    public static List<AlertNotifier> fromEnvironment(Map<String, String> env) {
        List<AlertNotifier> out = new ArrayList<>();
        String url = env.get(ENV_WEBHOOK);
        if (url != null && !url.isBlank()) {
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The environment variable " + ENV_WEBHOOK + " is not a URL.", e);
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("The environment variable " + ENV_WEBHOOK + " must be an http(s) URL such as "
                        + "https://hooks.slack.com/services/...");
            }
            out.add(new WebhookNotifier(uri, WEBHOOK_TIMEOUT));
        }
        return out;
    }
}
