package io.turnout.probe;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * What the {@link SwitchProbe} sends and for how long. Both caps are hard: the probe stops at
 * {@code maxRequests} or {@code maxDuration}, whichever comes first, even if nobody calls stop.
 *
 * @param target the only address requests go to (resolved; a Host header never redirects them)
 * @param path request path, e.g. {@code /version}
 * @param hostHeader Host header to send (a router's virtual host), or null for {@code host:port} of the target
 * @param keepAlive reuse up to {@code concurrency} connections; false opens a fresh connection per request
 * @param concurrency connections (and workers) in flight at once
 * @param timeout per request, counted from its scheduled send time (connect, send and response)
 */
public record ProbeSettings(InetSocketAddress target, String path, String hostHeader, int ratePerSecond,
                            Duration maxDuration, long maxRequests, boolean keepAlive, int concurrency,
                            Duration timeout) {

    public static final int DEFAULT_RATE = 200;
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);
    /** A probe is proof for one switch, not a monitor; a day keeps the schedule arithmetic far from overflow. */
    static final Duration MAX_DURATION_LIMIT = Duration.ofDays(1);

    public ProbeSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(timeout, "timeout");
        if (target.isUnresolved()) {
            throw new IllegalArgumentException("The probe target must be a resolved address: " + target);
        }
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("The probe path must start with / and contain no spaces or control characters: " + path);
        }
        if (hostHeader != null && hostHeader.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("The Host header must not contain control characters");
        }
        if (ratePerSecond < 1 || ratePerSecond > 10_000) {
            throw new IllegalArgumentException("ratePerSecond must be 1..10000: " + ratePerSecond);
        }
        if (maxDuration.isNegative() || maxDuration.isZero() || maxDuration.compareTo(MAX_DURATION_LIMIT) > 0
                || maxRequests < 1) {
            throw new IllegalArgumentException("maxDuration must be positive and at most a day, maxRequests positive");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be 1..256: " + concurrency);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** With the default per-request timeout of 5 s. */
    public ProbeSettings(InetSocketAddress target, String path, String hostHeader, int ratePerSecond,
                         Duration maxDuration, long maxRequests, boolean keepAlive, int concurrency) {
        this(target, path, hostHeader, ratePerSecond, maxDuration, maxRequests, keepAlive, concurrency, DEFAULT_TIMEOUT);
    }

    /** 200 requests/s over 8 keep-alive connections, for at most 10 minutes. */
    public static ProbeSettings defaults(InetSocketAddress target, String path) {
        return new ProbeSettings(target, path, null, DEFAULT_RATE, DEFAULT_MAX_DURATION,
                DEFAULT_RATE * DEFAULT_MAX_DURATION.toSeconds(), true, DEFAULT_CONCURRENCY);
    }

    public ProbeSettings withRate(int perSecond) {
        return new ProbeSettings(target, path, hostHeader, perSecond, maxDuration, maxRequests, keepAlive, concurrency, timeout);
    }

    public ProbeSettings withMaxRequests(long max) {
        return new ProbeSettings(target, path, hostHeader, ratePerSecond, maxDuration, max, keepAlive, concurrency, timeout);
    }

    public ProbeSettings withMaxDuration(Duration max) {
        return new ProbeSettings(target, path, hostHeader, ratePerSecond, max, maxRequests, keepAlive, concurrency, timeout);
    }

    public ProbeSettings withKeepAlive(boolean reuse) {
        return new ProbeSettings(target, path, hostHeader, ratePerSecond, maxDuration, maxRequests, reuse, concurrency, timeout);
    }

    public ProbeSettings withConcurrency(int connections) {
        return new ProbeSettings(target, path, hostHeader, ratePerSecond, maxDuration, maxRequests, keepAlive, connections, timeout);
    }

    public ProbeSettings withHostHeader(String host) {
        return new ProbeSettings(target, path, host, ratePerSecond, maxDuration, maxRequests, keepAlive, concurrency, timeout);
    }

    public ProbeSettings withTimeout(Duration perRequest) {
        return new ProbeSettings(target, path, hostHeader, ratePerSecond, maxDuration, maxRequests, keepAlive, concurrency, perRequest);
    }

    /** The Host header actually sent. */
    String effectiveHost() {
        if (hostHeader != null && !hostHeader.isBlank()) {
            return hostHeader;
        }
        String host = target.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + target.getPort();
    }
}
