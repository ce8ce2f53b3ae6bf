package io.turnout.release;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who is acting: {@code user@workstation}, written into locks, journals and the history. */
public final class Operator {

    private Operator() {
    }

    public static String current() {
        return System.getProperty("user.name", "unknown") + "@" + workstation();
    }

    public static String workstation() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown" : env;
        }
    }
}
