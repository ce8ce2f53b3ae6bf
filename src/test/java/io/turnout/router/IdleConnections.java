package io.turnout.router;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures what a routing change does to idle keep-alive client connections: open {@code n}
 * connections, one request each, leave them idle, make the change, then send one more request on
 * each (never retried) and count answers by version against closed connections.
 */
final class IdleConnections {

    record Result(int connections, Map<String, Integer> answeredBy, int closed, List<String> errors) {
        @Override
        public String toString() {
            return connections + " idle keep-alive connections: answered " + answeredBy + ", closed/reset " + closed
                    + (errors.isEmpty() ? "" : " (" + errors.getFirst() + ")");
        }
    }

    private IdleConnections() {
    }

    static Result across(InetSocketAddress frontend, int n, Runnable change) throws IOException {
        List<RawHttp> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                RawHttp c = new RawHttp(frontend);
                open.add(c);
                RawHttp.Response r = c.get("/", "127.0.0.1", false);
                if (r.status() != 200) {
                    throw new AssertionError("warm-up request answered " + r.status());
                }
            }
            change.run();
            Map<String, Integer> answered = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            for (RawHttp c : open) {
                try {
                    RawHttp.Response r = c.get("/", "127.0.0.1", false);
                    answered.merge(r.status() + " " + r.header("x-turnout-version"), 1, Integer::sum);
                } catch (IOException e) {
                    errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            return new Result(n, answered, errors.size(), errors);
        } finally {
            for (RawHttp c : open) {
                c.close();
            }
        }
    }
}
