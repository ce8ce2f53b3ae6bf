package io.turnout.stack;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Rules shared by the state stores for the relative, '/'-separated paths of {@link StateStore}. */
final class StorePaths {

    /** Marks a file being written; such names never show up in {@link StateStore#list}. */
    static final String TEMP_MARK = ".tmp-";

    /**
     * Plain names only: no glob characters (JSch expands them in put, rm and rename), no
     * backslashes, no "." or ".." segments that could climb out of the root.
     */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_@+=,.-]+");

    private StorePaths() {
    }

    /** @return {@code path} itself; "" stands for the root */
    static String check(String path) {
        if (path == null) {
            throw new IllegalArgumentException("A state path must not be null.");
        }
        if (path.isEmpty()) {
            return path;
        }
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("'" + path + "' is not a valid state path: use relative names "
                        + "of letters, digits and _@+=,.- separated by '/'.");
            }
        }
        return path;
    }

    /** The parent directory of a checked path, "" for a top-level name. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A unique sibling name for writing {@code path} before it is renamed into place. */
    static String tempFor(String path) {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return path + TEMP_MARK + HexFormat.of().formatHex(random);
    }

    static boolean isTemp(String name) {
        return name.contains(TEMP_MARK);
    }
}
