package io.turnout.migrate.parse;

import io.turnout.migrate.parse.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokens of one statement the splitter already cut out (so quotes are known to be closed).
 * Comments are dropped; strings keep their content; backticks count as quoted identifiers so
 * the same recognizer reads MySQL.
 */
public final class Lexer {

    private final String s;
    private int pos;
    private int line;
    private final List<Token> out = new ArrayList<>();
    /** The previous character was a lone E: the string that follows takes backslash escapes. */
    private boolean escapePrefix;

    private Lexer(String s, int firstLine) {
        this.s = s;
        this.line = firstLine;
    }

    public static List<Token> tokens(String statement, int firstLine) {
        Lexer lx = new Lexer(statement, firstLine);
        lx.run();
        return lx.out;
    }

    private void run() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && at(1) == '-' || c == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && at(1) == '*') {
                blockComment();
            } else if (c == '\'') {
                quoted('\'', Kind.STRING, escapePrefix);
            } else if (c == '"' || c == '`') {
                quoted(c, Kind.QUOTED_IDENT, false);
            } else if (c == '$' && dollarTag() != null) {
                String tag = dollarTag();
                int end = s.indexOf(tag, pos + tag.length());
                end = end < 0 ? s.length() : end;
                add(Kind.STRING, s.substring(pos + tag.length(), end));
                countLines(pos, Math.min(s.length(), end + tag.length()));
                pos = Math.min(s.length(), end + tag.length());
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(at(1))) {
                int from = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                add(Kind.NUMBER, s.substring(from, pos));
            } else if (Character.isLetter(c) || c == '_') {
                int from = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '$')) {
                    pos++;
                }
                if ((pos - from == 1) && pos < s.length() && s.charAt(pos) == '\'' && "EeXxBbNn".indexOf(c) >= 0) {
                    escapePrefix = c == 'E' || c == 'e';
                    continue; // string prefix: the quote follows and is read next
                }
                add(Kind.WORD, s.substring(from, pos));
            } else if (c == ':' && at(1) == ':') {
                add(Kind.SYMBOL, "::");
                pos += 2;
            } else {
                add(Kind.SYMBOL, String.valueOf(c));
                pos++;
            }
        }
    }

    private char at(int ahead) {
        return pos + ahead < s.length() ? s.charAt(pos + ahead) : '\0';
    }

    private void add(Kind kind, String text) {
        String upper = kind == Kind.QUOTED_IDENT ? text : text.toUpperCase(Locale.ROOT);
        out.add(new Token(kind, text, upper, line));
    }

    private void blockComment() {
        int depth = 0;
        while (pos < s.length()) {
            if (s.charAt(pos) == '/' && at(1) == '*') {
                depth++;
                pos += 2;
            } else if (s.charAt(pos) == '*' && at(1) == '/') {
                pos += 2;
                if (--depth == 0) {
                    return;
                }
            } else {
                if (s.charAt(pos) == '\n') {
                    line++;
                }
                pos++;
            }
        }
    }

    private void quoted(char q, Kind kind, boolean backslash) {
        escapePrefix = false;
        int tokenLine = line;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
            }
            if (backslash && c == '\\' && pos + 1 < s.length()) {
                sb.append(s.charAt(pos + 1));
                pos += 2;
            } else if (c == q && at(1) == q) {
                sb.append(q);
                pos += 2;
            } else if (c == q) {
                pos++;
                break;
            } else {
                sb.append(c);
                pos++;
            }
        }
        String text = sb.toString();
        out.add(new Token(kind, text, kind == Kind.QUOTED_IDENT ? text : text.toUpperCase(Locale.ROOT), tokenLine));
    }

    private String dollarTag() {
        int j = pos + 1;
        if (j < s.length() && Character.isDigit(s.charAt(j))) {
            return null;
        }
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? s.substring(pos, j + 1) : null;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
    }
}
