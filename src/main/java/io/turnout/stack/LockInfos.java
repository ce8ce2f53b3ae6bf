package io.turnout.stack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;

/** Builds the {@link LockInfo} of this process: {@code user@workstation}, its host name and pid, now. */
public final class LockInfos {

    private LockInfos() {
    }

    public static LockInfo here(Clock clock, String reason, String releaseId) {
        return new LockInfo(operator(), Workstation.NAME, ProcessHandle.current().pid(), reason, clock.instant(), releaseId);
    }

    /** {@code user@workstation}, as written into locks and history. */
    public static String operator() {
        return System.getProperty("user.name", "unknown") + "@" + Workstation.NAME;
    }

    public static String workstation() {
        return Workstation.NAME;
    }

    /** Looked up once: a misconfigured resolver can take seconds to answer getLocalHost. */
    private static final class Workstation {
        static final String NAME = lookup();

        private static String lookup() {
            Optional<String> fromEnv = Optional.ofNullable(System.getenv("HOSTNAME")).or(() -> Optional.ofNullable(System.getenv("COMPUTERNAME")))
                    .filter(s -> !s.isBlank());
            try {
                String name = InetAddress.getLocalHost().getHostName();
                return name.isBlank() ? fromEnv.orElse("localhost") : name;
            } catch (UnknownHostException e) {
                return fromEnv.orElse("localhost");
            }
        }
    }
}
