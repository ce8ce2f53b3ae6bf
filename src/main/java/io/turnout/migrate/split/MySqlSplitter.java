package io.turnout.migrate.split;

import io.turnout.migrate.SqlSplitter;

/**
 * The mysql client's rules: {@code DELIMITER xx} lines change the terminator (for procedure and
 * trigger bodies), strings in '..' or ".." take backslash escapes, identifiers in backticks,
 * comments are {@code #}, {@code -- } (dash dash space) and non-nested block comments.
 */
public final class MySqlSplitter extends SplitterBase {

    private String delimiter = ";";

    public MySqlSplitter(String sql) {
        super(sql);
    }

    public SqlSplitter.Result split() {
        while (pos < src.length() && errors.isEmpty()) {
            char c = src.charAt(pos);
            if (start < 0 && atDelimiterCommand()) {
                readDelimiterCommand();
            } else if (c == '#' || (c == '-' && peek(1) == '-' && (Character.isWhitespace(peek(2)) || peek(2) == '\0'))) {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                if (peek(2) == '!') {
                    markStart(); // executable comment /*!40101 ... */ is a statement for MySQL
                }
                skipBlockComment(false);
            } else if (c == '\'' || c == '"') {
                markStart();
                skipQuoted(c, true, "string");
            } else if (c == '`') {
                markStart();
                skipQuoted('`', false, "quoted identifier");
            } else if (src.startsWith(delimiter, pos)) {
                endStatement(pos);
                advanceBy(delimiter.length());
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

    private boolean atDelimiterCommand() {
        boolean lineStart = pos == 0 || src.lastIndexOf('\n', pos - 1) >= 0
                && src.substring(src.lastIndexOf('\n', pos - 1) + 1, pos).isBlank() || src.substring(0, pos).isBlank();
        return lineStart && src.regionMatches(true, pos, "DELIMITER", 0, 9)
                && pos + 9 < src.length() && Character.isWhitespace(src.charAt(pos + 9));
    }

    private void readDelimiterCommand() {
        int eol = src.indexOf('\n', pos);
        String rest = src.substring(pos + 9, eol < 0 ? src.length() : eol).strip();
        if (rest.isEmpty()) {
            error(line, "DELIMITER on line " + line + " names no delimiter.");
            return;
        }
        delimiter = rest.split("\\s+")[0];
        advanceBy((eol < 0 ? src.length() : eol) - pos);
    }
}
