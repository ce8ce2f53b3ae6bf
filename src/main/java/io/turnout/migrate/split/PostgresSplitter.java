package io.turnout.migrate.split;

import io.turnout.migrate.SqlSplitter;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * psql's rules for where a statement ends: a {@code ;} outside strings ('..' with '' doubling,
 * E'..' with backslash escapes), quoted identifiers, dollar quotes ($$ and $tag$), nested block
 * comments, {@code --} comments and {@code BEGIN ATOMIC ... END} SQL-standard function bodies.
 * After {@code COPY ... FROM STDIN;} the data lines up to {@code \.} belong to the COPY.
 */
public final class PostgresSplitter extends SplitterBase {

    private static final Pattern COPY_FROM_STDIN =
            Pattern.compile("(?is)^\\s*COPY\\b.*\\bFROM\\s+STDIN\\b.*");

    /** BEGIN ATOMIC nesting, counted like psql does: BEGIN (in CREATE) and CASE open, END closes. */
    private int atomicDepth;
    private String prevWord = "";

    public PostgresSplitter(String sql) {
        super(sql);
    }

    public SqlSplitter.Result split() {
        while (pos < src.length() && errors.isEmpty()) {
            char c = src.charAt(pos);
            if (c == '-' && peek(1) == '-') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment(true);
            } else if (c == '\'') {
                markStart();
                boolean escaped = isEscapeStringPrefix();
                skipQuoted('\'', escaped, "string");
            } else if (c == '"') {
                markStart();
                skipQuoted('"', false, "quoted identifier");
            } else if (c == '$' && dollarTagAt(pos) != null) {
                markStart();
                skipDollarQuoted(dollarTagAt(pos));
            } else if (c == ';' && atomicDepth == 0) {
                boolean copy = start >= 0 && COPY_FROM_STDIN.matcher(src.substring(start, pos)).matches();
                endStatement(pos);
                pos++;
                prevWord = "";
                if (copy) {
                    skipCopyData();
                }
            } else if (isIdentStart(c)) {
                markStart();
                word();
            } else {
                if (!Character.isWhitespace(c)) {
                    markStart();
                }
                advance();
            }
        }
        if (errors.isEmpty()) {
            endStatement(src.length());
        }
        return result();
    }

    private void word() {
        int from = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        String w = src.substring(from, pos).toUpperCase(Locale.ROOT);
        boolean inCreate = start >= 0 && src.regionMatches(true, start, "CREATE", 0, 6);
        if (inCreate && w.equals("ATOMIC") && prevWord.equals("BEGIN")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && w.equals("CASE")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && w.equals("END")) {
            atomicDepth--;
        }
        prevWord = w;
    }

    /** E'..' (and e'..'): the letter must be a word of its own, not the end of an identifier. */
    private boolean isEscapeStringPrefix() {
        if (pos < 1 || (src.charAt(pos - 1) != 'E' && src.charAt(pos - 1) != 'e')) {
            return false;
        }
        return pos < 2 || !isIdentPart(src.charAt(pos - 2));
    }

    /** The whole opening delimiter ($$ or $tag$) when one starts at i, else null. */
    private String dollarTagAt(int i) {
        if (i > 0 && isIdentPart(src.charAt(i - 1))) {
            return null; // $ inside an identifier such as a$b
        }
        int j = i + 1;
        if (j < src.length() && Character.isDigit(src.charAt(j))) {
            return null; // positional parameter $1
        }
        while (j < src.length() && isIdentPart(src.charAt(j)) && src.charAt(j) != '$') {
            j++;
        }
        return j < src.length() && src.charAt(j) == '$' ? src.substring(i, j + 1) : null;
    }

    private void skipDollarQuoted(String tag) {
        int openLine = line;
        advanceBy(tag.length());
        int close = src.indexOf(tag, pos);
        if (close < 0) {
            error(openLine, "Unterminated dollar-quoted string " + tag + " starting on line " + openLine + ".");
            return;
        }
        advanceBy(close + tag.length() - pos);
    }

    private void skipCopyData() {
        int openLine = line;
        while (pos < src.length()) {
            int eol = src.indexOf('\n', pos);
            String row = src.substring(pos, eol < 0 ? src.length() : eol);
            advanceBy((eol < 0 ? src.length() : eol + 1) - pos);
            if (row.strip().equals("\\.")) {
                return;
            }
        }
        error(openLine, "COPY data starting on line " + openLine + " has no terminating \\. line.");
    }
}
