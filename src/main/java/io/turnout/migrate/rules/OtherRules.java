package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.parse.Cursor;

import java.util.Locale;

/**
 * Statements that do not touch existing tables' data or locks in a way that matters for a
 * release (CREATE FUNCTION/VIEW/SEQUENCE/EXTENSION, GRANT, COMMENT ...), and DO blocks, whose
 * body we do not execute in our head.
 */
final class OtherRules {

    private OtherRules() {
    }

    static void apply(Cursor c, Verdict v) {
        String first = c.next().upper();
        String second = c.atEnd() ? "" : c.peek().upper();
        if (first.equals("CREATE") && (second.equals("OR") || second.equals("TEMP") || second.equals("TEMPORARY"))) {
            c.next();
            c.accept("REPLACE");
            second = c.atEnd() ? "" : c.peek().upper();
        }
        int from = c.position();
        c.skipRest();
        java.util.List<io.turnout.migrate.parse.Token> rest = c.tokens(from, c.position());
        switch (first) {
            case "DO" -> v.type("DO").warn("DO block: its body is not classified; check what it changes by hand.");
            case "SELECT", "WITH", "VALUES" -> v.type("SELECT");
            case "COMMENT" -> {
                v.type("COMMENT").lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
                if (rest.size() > 2 && rest.get(1).is("TABLE")) {
                    v.table(qualified(rest, 2));
                }
            }
            case "GRANT", "REVOKE" -> v.type(first);
            case "CREATE" -> {
                v.type("CREATE_" + word(second));
                if (second.equals("TRIGGER") || second.equals("CONSTRAINT")) {
                    v.lock(LockLevel.SHARE_ROW_EXCLUSIVE);
                    for (int i = 0; i + 1 < rest.size(); i++) {
                        if (rest.get(i).is("ON") && rest.get(i + 1).isIdentifier()) {
                            v.table(qualified(rest, i + 1));
                            break;
                        }
                    }
                }
            }
            case "ALTER" -> v.type("ALTER_" + word(second))
                    .warn("ALTER " + second + " is not classified in detail; renames of views, sequences or functions break code that uses the old name.");
            default -> v.type(word(first)).warn("Statement not classified: " + first + " " + second + ".");
        }
    }

    /** name or schema.name starting at token i. */
    private static String qualified(java.util.List<io.turnout.migrate.parse.Token> t, int i) {
        String n = t.get(i).name();
        if (i + 2 < t.size() && t.get(i + 1).isSymbol(".") && t.get(i + 2).isIdentifier()) {
            n = n + "." + t.get(i + 2).name();
        }
        return n;
    }

    private static String word(String w) {
        return w.isEmpty() ? "STATEMENT" : w.toUpperCase(Locale.ROOT).replaceAll("[^A-Z_]", "_");
    }
}
