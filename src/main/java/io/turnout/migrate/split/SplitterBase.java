package io.turnout.migrate.split;

import io.turnout.migrate.SqlError;
import io.turnout.migrate.SqlSplitter;
import io.turnout.migrate.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/** Position, line counting and the quoting constructs both dialects share. */
abstract class SplitterBase {

    protected final String src;
    protected int pos;
    protected int line = 1;
    /** Offset and line of the current statement's first token; -1 between statements. */
    protected int start = -1;
    protected int startLine;
    protected final List<SqlStatement> statements = new ArrayList<>();
    protected final List<SqlError> errors = new ArrayList<>();

    SplitterBase(String src) {
        this.src = src.startsWith("\uFEFF") ? src.substring(1) : src;
    }

    protected char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    protected void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
        }
        pos++;
    }

    protected void advanceBy(int n) {
        for (int i = 0; i < n; i++) {
            advance();
        }
    }

    protected void markStart() {
        if (start < 0) {
            start = pos;
            startLine = line;
        }
    }

    protected void endStatement(int end) {
        if (start >= 0) {
            String text = src.substring(start, end).strip();
            if (!text.isEmpty()) {
                statements.add(new SqlStatement(statements.size() + 1, startLine, text));
            }
        }
        start = -1;
    }

    protected void error(int atLine, String message) {
        errors.add(new SqlError(atLine, message));
    }

    protected SqlSplitter.Result result() {
        return new SqlSplitter.Result(statements, errors);
    }

    protected void skipLineComment() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    /** PostgreSQL nests block comments, MySQL does not. */
    protected void skipBlockComment(boolean nested) {
        int openLine = line;
        int depth = 0;
        while (pos < src.length()) {
            if (src.charAt(pos) == '/' && peek(1) == '*' && (nested || depth == 0)) {
                depth++;
                advanceBy(2);
            } else if (src.charAt(pos) == '*' && peek(1) == '/') {
                depth--;
                advanceBy(2);
                if (depth == 0) {
                    return;
                }
            } else {
                advance();
            }
        }
        error(openLine, "Unterminated block comment starting on line " + openLine + ".");
    }

    /** A quoted run closed by {@code quote}; a doubled quote stays inside; backslash escapes when asked. */
    protected void skipQuoted(char quote, boolean backslashEscapes, String what) {
        int openLine = line;
        advance();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (backslashEscapes && c == '\\' && pos + 1 < src.length()) {
                advanceBy(2);
            } else if (c == quote && peek(1) == quote) {
                advanceBy(2);
            } else if (c == quote) {
                advance();
                return;
            } else {
                advance();
            }
        }
        error(openLine, "Unterminated " + what + " starting on line " + openLine + ".");
    }

    protected static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    protected static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
