package io.turnout.ssh;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads ssh_config files into a flat list of directives, each tagged with the {@code Host} block
 * it belongs to. {@code Include} is expanded in place (globs, relative to {@code ~/.ssh}, depth
 * limited); {@code Match} blocks are skipped with a warning.
 */
final class SshConfigParser {

    private static final Logger LOG = LoggerFactory.getLogger(SshConfigParser.class);
    private static final int MAX_INCLUDE_DEPTH = 16;

    /** A {@code Host} line (or the implicit global block, or a skipped {@code Match}). */
    record Block(List<String> patterns, String source, boolean skipped) {
        static final Block GLOBAL = new Block(List.of("*"), null, false);

        boolean matches(String alias) {
            return !skipped && HostPatterns.matchesAny(patterns, alias);
        }
    }

    /** One {@code Keyword value} line; keyword lower-cased, args unquoted. */
    record Directive(Block block, String keyword, List<String> args, String source) {
    }

    private final Path sshDir;
    private final List<Directive> out = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();

    private SshConfigParser(Path sshDir) {
        this.sshDir = sshDir;
    }

    record Parsed(List<Block> blocks, List<Directive> directives) {
    }

    static Parsed parse(List<Path> files, Path sshDir) {
        SshConfigParser p = new SshConfigParser(sshDir);
        for (Path f : files) {
            if (Files.isReadable(f)) {
                p.readFile(f, Block.GLOBAL, 0);
            }
        }
        return new Parsed(List.copyOf(p.blocks), List.copyOf(p.out));
    }

    private Block readFile(Path file, Block current, int depth) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SSH config " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String source = file + ":" + (i + 1);
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = splitKeyword(line);
            String keyword = kv[0].toLowerCase(Locale.ROOT);
            List<String> args = args(kv[1]);
            switch (keyword) {
                case "host" -> {
                    current = new Block(args, source, false);
                    blocks.add(current);
                }
                case "match" -> {
                    LOG.warn("{}: 'Match' blocks are not supported; ignoring this block", source);
                    current = new Block(List.of(), source, true);
                }
                case "include" -> {
                    if (depth >= MAX_INCLUDE_DEPTH) {
                        throw new IllegalStateException(source + ": Include nested deeper than " + MAX_INCLUDE_DEPTH + " levels (a loop?)");
                    }
                    for (String arg : args) {
                        for (Path inc : expandInclude(arg)) {
                            // directives of the included file keep the current block until it opens its own
                            readFile(inc, current, depth + 1);
                        }
                    }
                }
                default -> out.add(new Directive(current, keyword, args, source));
            }
        }
        return current;
    }

    private List<Path> expandInclude(String arg) {
        String expanded = arg.startsWith("~/") ? sshDir.getParent().resolve(arg.substring(2)).toString() : arg;
        Path path = Path.of(expanded);
        if (!path.isAbsolute()) {
            path = sshDir.resolve(path);
        }
        String name = path.getFileName().toString();
        Path dir = path.getParent();
        if (!HostPatterns.isPattern(name) && dir != null && !HostPatterns.isPattern(dir.toString())) {
            return Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> hits = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, name)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    hits.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        hits.sort(null); // glob(3) order, as OpenSSH
        return hits;
    }

    /** Splits {@code Key Value}, {@code Key=Value} and {@code Key = Value}. */
    static String[] splitKeyword(String line) {
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        String keyword = line.substring(0, i);
        int j = i;
        while (j < line.length() && Character.isWhitespace(line.charAt(j))) {
            j++;
        }
        if (j < line.length() && line.charAt(j) == '=') {
            j++;
        }
        return new String[] {keyword, line.substring(j).strip()};
    }

    /** Whitespace-separated arguments; double quotes group; a trailing {@code # comment} ends the line. */
    static List<String> args(String value) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false;
        boolean any = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                inQuote = !inQuote;
                any = true;
            } else if (!inQuote && Character.isWhitespace(c)) {
                if (any) {
                    args.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else if (!inQuote && c == '#' && !any) {
                break;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (inQuote) {
            throw new IllegalArgumentException("Unbalanced quote in: " + value);
        }
        if (any) {
            args.add(cur.toString());
        }
        return args;
    }
}
