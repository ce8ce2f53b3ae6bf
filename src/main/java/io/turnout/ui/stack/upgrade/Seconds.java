package io.turnout.ui.stack.upgrade;

import java.time.Duration;

/** A duration typed as seconds in a wizard field: blank means "the service's own setting". */
final class Seconds {

    private Seconds() {
    }

    /** @return null for blank text @throws IllegalArgumentException naming the field when it is not a positive number */
    static Duration parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double s = Double.parseDouble(text.strip());
            if (s > 0 && s <= 86_400) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException e) {
            // fall through to the operator's sentence
        }
        throw new IllegalArgumentException(field + " must be a number of seconds between 0 and 86400, e.g. 60 (was '"
                + text.strip() + "'); leave it empty for the service's own setting.");
    }
}
