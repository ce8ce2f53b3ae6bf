package io.turnout.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * New config files copied next to the live ones as {@code <name>.new}, checked by the router's own
 * parser inside its container, and only then renamed over the live ones (rename is atomic on the
 * container's filesystem, so a restart never reads half a file).
 */
final class StagedConfig {

    static final String SUFFIX = ".new";
    static final String OLD = ".old";

    private final RouterContainer container;
    private final String dir;
    private final Map<String, byte[]> files;

    private StagedConfig(RouterContainer container, String dir, Map<String, byte[]> files) {
        this.container = container;
        this.dir = dir;
        this.files = files;
    }

    /**
     * Copies {@code files} as {@code .new} files and runs {@code check} (given the staged path of
     * the first file) in the container; a non-zero exit discards them and throws a
     * {@link RouterException} carrying the checker's error lines.
     *
     * @param errorLines picks the lines worth showing from the checker's output
     */
    static StagedConfig stage(RouterContainer container, String dir, Map<String, byte[]> files,
                              Function<String, List<String>> check, Function<String, String> errorLines, String kind) {
        Map<String, byte[]> staged = new LinkedHashMap<>();
        files.forEach((name, content) -> staged.put(name + SUFFIX, content));
        container.copy(dir, staged);
        StagedConfig s = new StagedConfig(container, dir, files);
        String first = dir + "/" + files.keySet().iterator().next() + SUFFIX;
        RouterContainer.ExecResult r = container.exec(check.apply(first).toArray(String[]::new));
        if (r.exitCode() != 0) {
            s.discard();
            throw new RouterException(kind + " rejected the new config, nothing was changed: " + errorLines.apply(r.output()));
        }
        return s;
    }

    /** Renames the staged files over the live ones, keeping the live ones as {@code <name>.old} for {@link #restorePrevious()}. */
    void promote() {
        String script = files.keySet().stream().map(n -> {
            String live = "'" + dir + "/" + n + "'";
            String staged = "'" + dir + "/" + n + SUFFIX + "'";
            return "{ [ ! -f " + live + " ] || /bin/busybox cp -f " + live + " '" + dir + "/" + n + OLD + "'; }"
                    + " && /bin/busybox mv -f " + staged + " " + live;
        }).collect(Collectors.joining(" && "));
        RouterContainer.ExecResult r = container.exec("/bin/sh", "-c", script);
        if (r.exitCode() != 0) {
            throw new RouterException("Could not write the new config into " + container.name() + ": " + r.output().strip());
        }
    }

    /** Puts back the files {@link #promote()} replaced (after the router refused to load the new ones). */
    void restorePrevious() {
        String script = files.keySet().stream()
                .map(n -> "/bin/busybox mv -f '" + dir + "/" + n + OLD + "' '" + dir + "/" + n + "'")
                .collect(Collectors.joining(" && "));
        RouterContainer.ExecResult r = container.exec("/bin/sh", "-c", script);
        if (r.exitCode() != 0) {
            throw new RouterException("Could not restore the previous config in " + container.name() + ": " + r.output().strip());
        }
    }

    void discard() {
        List<String> cmd = new ArrayList<>(List.of("/bin/busybox", "rm", "-f"));
        files.keySet().forEach(n -> cmd.add(dir + "/" + n + SUFFIX));
        container.exec(cmd.toArray(String[]::new));
    }
}
