package io.turnout.migrate.parse;

import java.util.List;
import java.util.Set;

/** A read position over a statement's tokens with the few moves a recursive-descent reader needs. */
public final class Cursor {

    /** Words that cannot stand for a table or column name where we read one (PostgreSQL reserved keywords we meet). */
    private static final Set<String> RESERVED = Set.of("ADD", "ALTER", "COLUMN", "CONSTRAINT", "CHECK", "CREATE",
            "DEFAULT", "DROP", "FOREIGN", "FROM", "INDEX", "NOT", "NULL", "ON", "PRIMARY", "REFERENCES", "SET",
            "TABLE", "TO", "UNIQUE", "USING", "WHERE", "TYPE", "RENAME", "VALIDATE", "WITH", "SELECT", "AND", "OR");

    private final List<Token> tokens;
    private final int statementLine;
    private int i;

    public Cursor(List<Token> tokens, int statementLine) {
        this.tokens = tokens;
        this.statementLine = statementLine;
    }

    public boolean atEnd() {
        return i >= tokens.size() || (i == tokens.size() - 1 && tokens.get(i).isSymbol(";"));
    }

    public Token peek() {
        return i < tokens.size() ? tokens.get(i) : null;
    }

    public Token peek(int ahead) {
        return i + ahead < tokens.size() ? tokens.get(i + ahead) : null;
    }

    public Token next() {
        if (i >= tokens.size()) {
            throw error("Statement ends too early");
        }
        return tokens.get(i++);
    }

    /** True when the next tokens are exactly these keywords (no consumption). */
    public boolean at(String... words) {
        for (int k = 0; k < words.length; k++) {
            Token t = peek(k);
            if (t == null || !t.is(words[k])) {
                return false;
            }
        }
        return true;
    }

    public boolean accept(String... words) {
        if (at(words)) {
            i += words.length;
            return true;
        }
        return false;
    }

    public boolean atSymbol(String s) {
        Token t = peek();
        return t != null && t.isSymbol(s);
    }

    public boolean acceptSymbol(String s) {
        if (atSymbol(s)) {
            i++;
            return true;
        }
        return false;
    }

    public void expect(String... words) {
        if (!accept(words)) {
            throw error("Expected " + String.join(" ", words));
        }
    }

    public void expectSymbol(String s) {
        if (!acceptSymbol(s)) {
            throw error("Expected '" + s + "'");
        }
    }

    /** An identifier (not a reserved word) as PostgreSQL stores it. */
    public String identifier(String what) {
        Token t = peek();
        if (t == null || !t.isIdentifier() || t.kind() == Token.Kind.WORD && RESERVED.contains(t.upper())) {
            throw error("Expected " + what);
        }
        i++;
        return t.name();
    }

    /** schema.name or name, as written (folded like PostgreSQL folds it). */
    public String qualifiedName(String what) {
        StringBuilder sb = new StringBuilder(identifier(what));
        while (acceptSymbol(".")) {
            sb.append('.').append(identifier(what));
        }
        return sb.toString();
    }

    /** Consumes a balanced ( ... ) group, returning its tokens without the outer parentheses. */
    public List<Token> parens() {
        expectSymbol("(");
        int from = i;
        int depth = 1;
        while (depth > 0) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
        }
        return tokens.subList(from, i - 1);
    }

    /**
     * Consumes tokens up to (not including) a top-level comma, closing parenthesis, end, or one
     * of the stop keywords; returns them. Used for expressions we only need to inspect.
     */
    public List<Token> until(Set<String> stopWords) {
        int from = i;
        int depth = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")") || t.isSymbol(";")
                    || t.kind() == Token.Kind.WORD && stopWords.contains(t.upper()))) {
                break;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            i++;
        }
        return tokens.subList(from, i);
    }

    public int position() {
        return i;
    }

    public List<Token> tokens(int from, int to) {
        return tokens.subList(from, to);
    }

    public void skipRest() {
        i = tokens.size();
    }

    public SyntaxException error(String message) {
        Token t = peek();
        String near = t == null ? "at end of statement" : "near '" + t.text() + "'";
        return new SyntaxException(t == null ? lastLine() : t.line(), message + " " + near + ".");
    }

    private int lastLine() {
        return tokens.isEmpty() ? statementLine : tokens.get(tokens.size() - 1).line();
    }
}
