package io.turnout.ui.connect;

import io.turnout.profile.ConnectionProfile;

import java.nio.file.Path;

/**
 * How a known host ({@link ConnectionProfile} from the host catalog) is described in the palette
 * and the "Add host…" suggestions: where it goes, then where Turnout found it.
 */
public final class KnownHostText {

    private KnownHostText() {
    }

    /** {@code deploy@10.0.0.5:22 · ssh-config …/ssh_config:2}, {@code tcp://h:2376 · Docker context}. */
    public static String detail(ConnectionProfile p) {
        return endpoint(p) + " · " + source(p);
    }

    /** {@code [user@]hostname[:port]} when ssh config resolved it, else the target URI. */
    public static String endpoint(ConnectionProfile p) {
        if (p.hostName() == null || p.hostName().isBlank()) {
            return p.uri();
        }
        return (p.user() == null ? "" : p.user() + "@") + p.hostName() + (p.port() > 0 ? ":" + p.port() : "");
    }

    /** {@code saved}, {@code ssh-config …/config:12}, {@code Docker context}, {@code local engine}. */
    public static String source(ConnectionProfile p) {
        String s = p.source() == null ? "" : p.source();
        if (s.equals("profiles")) {
            return "saved";
        }
        if (s.equals("local")) {
            return "local engine";
        }
        if (s.startsWith("docker-context:")) {
            return "Docker context";
        }
        if (s.startsWith("ssh-config:")) {
            String where = s.substring("ssh-config:".length());
            int colon = where.lastIndexOf(':');
            String file = colon > 0 ? where.substring(0, colon) : where;
            String line = colon > 0 ? where.substring(colon) : "";
            Path name = file.isEmpty() || file.equals("null") ? null : Path.of(file).getFileName();
            return name == null ? "ssh-config" : "ssh-config …/" + name + line;
        }
        return s;
    }

    /** A saved profile, which the operator may forget (the others live in files Turnout only reads). */
    public static boolean isSaved(ConnectionProfile p) {
        return "profiles".equals(p.source());
    }
}
