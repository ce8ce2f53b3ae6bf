package io.turnout.migrate.parse;

/**
 * One lexical token of a statement.
 *
 * @param upper the text upper-cased for keyword comparison; for quoted identifiers the name itself
 */
public record Token(Kind kind, String text, String upper, int line) {

    public enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, SYMBOL }

    public boolean is(String keyword) {
        return kind == Kind.WORD && upper.equals(keyword);
    }

    public boolean isSymbol(String s) {
        return kind == Kind.SYMBOL && text.equals(s);
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }

    /** The identifier as PostgreSQL stores it: unquoted names fold to lower case. */
    public String name() {
        return kind == Kind.QUOTED_IDENT ? text : text.toLowerCase(java.util.Locale.ROOT);
    }
}
