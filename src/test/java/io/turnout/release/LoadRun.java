package io.turnout.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (keep-alive) or hey (fresh connection per request) from Debian, run as a process against a
 * 127.0.0.1 URL for a fixed, bounded duration; the parsed totals are what the zero-failure proofs assert.
 */
final class LoadRun {

    private final String tool;
    private final Process process;
    private final Path output;

    private LoadRun(String tool, List<String> cmd) throws IOException {
        this.tool = tool;
        this.output = Files.createTempFile("turnout-" + tool, ".out");
        this.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** wrk with {@code connections} keep-alive connections, each pausing {@code delayMs} between requests (a Lua delay hook). */
    static LoadRun wrk(String url, int seconds, int connections, int delayMs) throws IOException {
        Path script = Files.createTempFile("turnout-wrk", ".lua");
        Files.writeString(script, "function delay()\n  return " + delayMs + "\nend\n");
        return new LoadRun("wrk", List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "5s",
                "-s", script.toString(), url));
    }

    /** hey at {@code qpsPerWorker} × {@code workers} requests/s, a new TCP connection for every request. */
    static LoadRun heyNoKeepAlive(String url, int seconds, int workers, int qpsPerWorker) throws IOException {
        return new LoadRun("hey", List.of("hey", "-z", seconds + "s", "-c", Integer.toString(workers), "-q",
                Integer.toString(qpsPerWorker), "-t", "5", "-disable-keepalive", url));
    }

    boolean running() {
        return process.isAlive();
    }

    Result await(int maxSeconds) throws IOException, InterruptedException {
        if (!process.waitFor(maxSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(tool + " did not finish within " + maxSeconds + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        return tool.equals("wrk") ? parseWrk(text) : parseHey(text);
    }

    /**
     * @param requests responses received (any status)
     * @param non2xx responses whose status was not 2xx (wrk: not 2xx/3xx)
     * @param socketErrors connects/reads/writes/timeouts that got no response
     */
    record Result(String tool, long requests, long non2xx, long socketErrors, String raw) {
    }

    static Result parseWrk(String text) {
        long requests = first(text, "(\\d+) requests in");
        long non2xx = first(text, "Non-2xx or 3xx responses: (\\d+)");
        long errors = 0;
        Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(text);
        if (m.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(m.group(i));
            }
        }
        return new Result("wrk", requests, non2xx, errors, text);
    }

    static Result parseHey(String text) {
        long requests = 0;
        long non2xx = 0;
        long errors = 0;
        String section = "";
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Status code distribution")) {
                section = "status";
            } else if (t.startsWith("Error distribution")) {
                section = "errors";
            } else if (t.isEmpty()) {
                section = section.equals("errors") ? "" : section;
            }
            Matcher status = Pattern.compile("^\\[(\\d{3})]\\s+(\\d+) responses").matcher(t);
            Matcher error = Pattern.compile("^\\[(\\d+)]\\s+").matcher(t);
            if (section.equals("status") && status.find()) {
                long n = Long.parseLong(status.group(2));
                requests += n;
                if (!status.group(1).startsWith("2")) {
                    non2xx += n;
                }
            } else if (section.equals("errors") && error.find()) {
                errors += Long.parseLong(error.group(1));
            }
        }
        return new Result("hey", requests, non2xx, errors, text);
    }

    private static long first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    static List<String> describe(List<Result> results) {
        List<String> out = new ArrayList<>();
        for (Result r : results) {
            out.add(r.tool() + ": " + r.requests() + " responses, " + r.non2xx() + " non-2xx, " + r.socketErrors() + " socket errors");
        }
        return out;
    }
}
