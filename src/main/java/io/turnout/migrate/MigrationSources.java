package io.turnout.migrate;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands what the operator names into migrations, in the order Flyway would apply them:
 * versioned {@code V<ver>__desc.sql} by version compared part by part as numbers (1.10 after
 * 1.9), then repeatable {@code R__desc.sql} by description; undo {@code U<ver>__} files are
 * included after the versioned ones and flagged. A single file is taken as is.
 */
public final class MigrationSources {

    private static final Pattern FLYWAY = Pattern.compile("(?i)^([VUR])([0-9._]*)__(.*)\\.sql$");

    /** A migration with its Flyway role. */
    public record Entry(MigrationSource source, Kind kind, String version) {
    }

    public enum Kind { VERSIONED, UNDO, REPEATABLE, FILE, PASTED }

    private MigrationSources() {
    }

    public static Entry pasted(String sql) {
        return new Entry(new MigrationSource("pasted.sql", sql), Kind.PASTED, null);
    }

    /** @throws IllegalArgumentException with one sentence when a path cannot be read */
    public static List<Entry> expand(List<Path> paths) {
        List<Entry> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                out.addAll(folder(p));
            } else {
                out.add(file(p, Kind.FILE, null));
            }
        }
        return out;
    }

    private static List<Entry> folder(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase().endsWith(".sql")).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read migrations folder " + dir + ": " + e.getMessage() + ".");
        }
        List<Entry> versioned = new ArrayList<>();
        List<Entry> undo = new ArrayList<>();
        List<Entry> repeatable = new ArrayList<>();
        List<Entry> other = new ArrayList<>();
        for (Path f : files) {
            Matcher m = FLYWAY.matcher(f.getFileName().toString());
            if (!m.matches()) {
                other.add(file(f, Kind.FILE, null));
            } else {
                switch (Character.toUpperCase(m.group(1).charAt(0))) {
                    case 'V' -> versioned.add(file(f, Kind.VERSIONED, m.group(2)));
                    case 'U' -> undo.add(file(f, Kind.UNDO, m.group(2)));
                    default -> repeatable.add(file(f, Kind.REPEATABLE, m.group(3)));
                }
            }
        }
        Comparator<Entry> byVersion = (a, b) -> compareVersions(a.version(), b.version());
        versioned.sort(byVersion);
        undo.sort(byVersion);
        repeatable.sort(Comparator.comparing(Entry::version));
        other.sort(Comparator.comparing(e -> e.source().name()));
        List<Entry> out = new ArrayList<>(versioned);
        out.addAll(repeatable);
        out.addAll(undo);
        out.addAll(other);
        return out;
    }

    /** Flyway's order: dot- or underscore-separated parts, each compared as a number; missing parts are 0. */
    static int compareVersions(String a, String b) {
        String[] pa = a.split("[._]");
        String[] pb = b.split("[._]");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            BigInteger x = i < pa.length && !pa[i].isEmpty() ? new BigInteger(pa[i]) : BigInteger.ZERO;
            BigInteger y = i < pb.length && !pb[i].isEmpty() ? new BigInteger(pb[i]) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static Entry file(Path f, Kind kind, String version) {
        try {
            return new Entry(new MigrationSource(f.toString(), Files.readString(f, StandardCharsets.UTF_8)), kind, version);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read migration " + f + " (" + reason(e) + ").");
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot read migration " + f + " (not UTF-8 text).");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getMessage();
    }
}
