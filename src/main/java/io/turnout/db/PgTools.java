package io.turnout.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * pg_dump and pg_restore on this workstation against a (possibly tunnelled) database. The password
 * goes to the child process in {@code PGPASSWORD}, never on its command line (which any user of
 * the machine can read in the process list).
 */
public final class PgTools {

    private final DbConnector connector;
    private final DbUrl url;
    private final Map<String, String> env;
    private final Duration timeout;

    public PgTools(DbConnector connector, DbUrl url, Map<String, String> env, Duration timeout) {
        this.connector = connector;
        this.url = url;
        this.env = env;
        this.timeout = timeout;
    }

    /** A dump source running pg_dump here. */
    public DumpSource dumpSource() {
        return new DumpSource() {
            @Override
            public void dump(Path target) {
                run("pg_dump", List.of("-Fc", "--no-password", "-f", target.toString()));
            }

            @Override
            public String via() {
                return "pg_dump on this workstation";
            }
        };
    }

    /** pg_restore --clean --if-exists --single-transaction: all of the dump or nothing. */
    public void restore(Path dump) {
        run("pg_restore", List.of("--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-password",
                "-d", connector.effective(url).database(), dump.toString()));
    }

    private void run(String tool, List<String> args) {
        DbUrl at = connector.effective(url);
        UrlCredentials cred = UrlCredentials.of(url, env);
        List<String> cmd = new ArrayList<>(List.of(tool, "-h", at.host(), "-p", Integer.toString(at.port()), "-U", cred.user()));
        cmd.addAll(args);
        if (tool.equals("pg_dump")) {
            cmd.add(at.database());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("PGPASSWORD");
        cred.password().ifPresent(p -> pb.environment().put("PGPASSWORD", p));
        pb.environment().put("PGAPPNAME", "turnout-" + tool.replace('_', '-'));
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        try {
            Path log = Files.createTempFile("turnout-" + tool, ".log");
            try {
                Process p = pb.redirectOutput(log.toFile()).start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new DbException(tool + " on " + url.masked() + " did not finish within " + timeout.toSeconds() + " s.");
                }
                if (p.exitValue() != 0) {
                    String out = Files.readString(log, StandardCharsets.UTF_8).trim();
                    throw new DbException(tool + " failed on " + url.masked() + ": " + DbUrl.maskSecrets(firstLines(out)) + ".");
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new DbException("Could not run " + tool + " (is the PostgreSQL client installed on this workstation?): "
                    + e.getMessage() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException(tool + " was interrupted.", e);
        }
    }

    private static String firstLines(String out) {
        String[] lines = out.split("\n");
        return String.join(" ", java.util.Arrays.copyOf(lines, Math.min(2, lines.length))).replaceAll("\\.$", "");
    }
}
