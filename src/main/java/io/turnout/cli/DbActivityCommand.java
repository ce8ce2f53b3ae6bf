package io.turnout.cli;

import io.turnout.connect.DefaultHostConnector;
import io.turnout.db.DbActivity;
import io.turnout.db.DbActivitySampler;
import io.turnout.db.DbConnector;
import io.turnout.db.DbException;
import io.turnout.db.DbUrl;
import io.turnout.docker.DockerHost;
import io.turnout.ssh.SshConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code turnout db activity}: one sample of a PostgreSQL server (two, one interval apart, since
 * transactions per second need a difference), or one per interval with {@code --watch}.
 */
@Command(name = "activity", description = "Sessions by state and application_name, tps, blocked sessions, oldest transaction.")
final class DbActivityCommand implements Callable<Integer> {

    private static final Pattern INTERVAL = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    @ParentCommand DbCommand db;
    @Spec CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "URL",
            description = "jdbc:postgresql://host[:port]/database?user=..; the password may also come from PGPASSWORD or ~/.pgpass.")
    String url;

    @Option(names = "--via-host", paramLabel = "URI",
            description = "Reach the database through this host's SSH connection (ssh://user@host or an ssh alias); "
                    + "the URL's host and port are then as seen from that host.")
    String viaHost;

    @Option(names = "--json", description = "Print JSON (one document per sample).")
    boolean json;

    @Option(names = "--watch", description = "Print one sample per interval until interrupted.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", description = "Between samples: 500ms, 1s, 2m (default 1s).")
    String interval;

    @Option(names = "--count", paramLabel = "N", description = "With --watch: stop after N samples.")
    Integer count;

    @Override
    public Integer call() throws InterruptedException {
        DbUrl dbUrl = DbUrl.parse(url);
        Duration every = parseInterval(interval);
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1.");
        }
        TurnoutCommand root = db.root;
        DockerHost host = null;
        try {
            DbConnector connector = DbConnector.direct();
            if (viaHost != null) {
                host = root.services().connector(root.sshConfig(), TerminalPrompts.hostKeys(Terminal.interactive()),
                        TerminalPrompts.passphrases(Terminal.interactive())).open(viaHost);
                SshConnection ssh = DefaultHostConnector.sshOf(host).orElseThrow(() -> new IllegalArgumentException(
                        "--via-host needs an SSH host (ssh://user@host or an ssh alias), not " + viaHost + "."));
                connector = DbConnector.through(ssh);
            }
            try (DbActivitySampler sampler = new DbActivitySampler(connector, dbUrl, Clock.systemUTC())) {
                return watch ? watch(sampler, every, dbUrl) : once(sampler, every, dbUrl);
            }
        } finally {
            if (host != null) {
                host.close();
            }
        }
    }

    private int once(DbActivitySampler sampler, Duration every, DbUrl dbUrl) throws InterruptedException {
        DbActivity first = sampler.sample();
        failIfDown(first);
        Thread.sleep(every.toMillis());   // tps is a difference of two samples
        DbActivity second = sampler.sample();
        failIfDown(second);
        print(dbUrl, second);
        return ExitCode.OK;
    }

    private int watch(DbActivitySampler sampler, Duration every, DbUrl dbUrl) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        int printed = 0;
        boolean everOk = false;
        while (count == null || printed < count) {
            long t0 = System.nanoTime();
            DbActivity a = sampler.sample();
            if (!a.ok() && !everOk) {
                failIfDown(a);   // never reached it: fail like the one-shot
            }
            everOk |= a.ok();
            if (a.ok()) {
                print(dbUrl, a);
            } else {
                out.println("(" + a.at() + ") " + a.problem());   // keep watching through an outage
                out.flush();
            }
            printed++;
            if (!json && a.ok()) {
                out.println("----");
            }
            long left = every.toMillis() - (System.nanoTime() - t0) / 1_000_000;
            if ((count == null || printed < count) && left > 0) {
                Thread.sleep(left);
            }
        }
        return ExitCode.OK;
    }

    private void print(DbUrl dbUrl, DbActivity a) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, DbActivityJson.of(dbUrl.masked(), a));
        } else {
            DbActivityText.print(out, dbUrl.masked(), a);
        }
    }

    private static void failIfDown(DbActivity a) {
        if (!a.ok()) {
            throw new DbException(a.problem().replaceFirst(" Next attempt in .*$", ""));
        }
    }

    static Duration parseInterval(String text) {
        Matcher m = INTERVAL.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--interval must be a duration such as 500ms, 1s or 2m, not '" + text + "'.");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long ms = Math.round(switch (unit) {
            case "ms" -> v;
            case "m" -> v * 60_000;
            default -> v * 1000;
        });
        if (ms < 100) {
            throw new IllegalArgumentException("--interval must be at least 100ms.");
        }
        return Duration.ofMillis(ms);
    }
}
