package io.turnout.migrate.parse;

import java.util.List;

/** Reading table constraints (ADD CONSTRAINT ... / table-level constraints in CREATE TABLE). */
public final class Constraints {

    public enum Kind { CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE }

    /**
     * @param usingIndex UNIQUE/PRIMARY KEY USING INDEX name (promotes an index built beforehand)
     * @param references referenced table of a FOREIGN KEY
     */
    public record TableConstraint(String name, Kind kind, boolean notValid, boolean usingIndex, String references) {
    }

    private Constraints() {
    }

    /** True when the cursor is at a table constraint (optionally named). */
    public static boolean atConstraint(Cursor c) {
        return c.at("CONSTRAINT") || c.at("CHECK") || c.at("FOREIGN", "KEY") || c.at("UNIQUE")
                || c.at("PRIMARY", "KEY") || c.at("EXCLUDE");
    }

    public static TableConstraint read(Cursor c) {
        String name = null;
        if (c.accept("CONSTRAINT")) {
            name = c.identifier("a constraint name");
        }
        Kind kind;
        boolean usingIndex = false;
        String refs = null;
        if (c.accept("CHECK")) {
            kind = Kind.CHECK;
            c.parens();
        } else if (c.accept("FOREIGN", "KEY")) {
            kind = Kind.FOREIGN_KEY;
            List<Token> cols = c.parens();
            if (cols.isEmpty()) {
                throw c.error("Expected the foreign key's columns");
            }
            c.expect("REFERENCES");
            refs = c.qualifiedName("a referenced table");
            if (c.atSymbol("(")) {
                c.parens();
            }
            skipReferentialActions(c);
        } else if (c.at("UNIQUE") || c.at("PRIMARY", "KEY")) {
            kind = c.accept("UNIQUE") ? Kind.UNIQUE : Kind.PRIMARY_KEY;
            c.accept("PRIMARY", "KEY");
            c.accept("KEY");
            if (c.accept("USING", "INDEX")) {
                usingIndex = true;
                c.identifier("an index name");
            } else {
                c.accept("NULLS", "NOT", "DISTINCT");
                c.parens();
            }
        } else if (c.accept("EXCLUDE")) {
            kind = Kind.EXCLUDE;
            c.until(java.util.Set.of("NOT", "DEFERRABLE", "INITIALLY"));
        } else {
            throw c.error("Expected CHECK, FOREIGN KEY, UNIQUE, PRIMARY KEY or EXCLUDE");
        }
        boolean notValid = false;
        while (!c.atEnd() && !c.atSymbol(",") && !c.atSymbol(")")) {
            if (c.accept("NOT", "VALID")) {
                notValid = true;
            } else {
                c.next(); // DEFERRABLE, INITIALLY ..., NO INHERIT, USING INDEX TABLESPACE x, INCLUDE (...)
            }
        }
        return new TableConstraint(name, kind, notValid, usingIndex, refs);
    }

    static void skipReferentialActions(Cursor c) {
        while (true) {
            if (c.accept("ON", "DELETE") || c.accept("ON", "UPDATE")) {
                if (!(c.accept("CASCADE") || c.accept("RESTRICT") || c.accept("NO", "ACTION")
                        || c.accept("SET", "NULL") || c.accept("SET", "DEFAULT"))) {
                    throw c.error("Expected a referential action");
                }
                if (c.atSymbol("(")) {
                    c.parens();
                }
            } else if (c.accept("MATCH")) {
                c.next();
            } else {
                return;
            }
        }
    }
}
