package io.turnout.release;

import io.turnout.stack.StateStore;

import java.time.Duration;
import java.util.Optional;

/**
 * How long each service took to pass its last health gate, kept with the stack's state so the next
 * preflight can tell an operator that their health timeout is shorter than the service's boot time.
 */
final class BootTimes {

    private final StateStore store;
    private final String stack;

    BootTimes(StateStore store, String stack) {
        this.store = store;
        this.stack = stack;
    }

    Optional<Duration> last(String service) {
        return store.read(path(service)).map(String::strip).filter(s -> s.matches("\\d+")).map(Long::parseLong)
                .map(Duration::ofMillis);
    }

    void record(String service, Duration took) {
        store.write(path(service), Long.toString(took.toMillis()));
    }

    private String path(String service) {
        return stack + "/boot-times/" + service;
    }
}
