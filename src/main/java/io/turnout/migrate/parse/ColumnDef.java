package io.turnout.migrate.parse;

import java.util.List;
import java.util.Set;

/**
 * A column definition in CREATE TABLE or ADD COLUMN, with what the rules care about.
 *
 * @param defaultExpr tokens of the DEFAULT expression; empty when there is none (or DEFAULT NULL)
 * @param references referenced table of an inline REFERENCES; null when none
 * @param generatedStored GENERATED ALWAYS AS (...) STORED
 * @param identity GENERATED ... AS IDENTITY, or MySQL AUTO_INCREMENT
 */
public record ColumnDef(String name, DataType type, List<Token> defaultExpr, boolean notNull, boolean primaryKey,
                        boolean unique, String references, boolean check, boolean generatedStored, boolean identity) {

    private static final Set<String> CONSTRAINT_WORDS = Set.of("NOT", "NULL", "PRIMARY", "UNIQUE", "REFERENCES",
            "CHECK", "CONSTRAINT", "COLLATE", "GENERATED", "DEFAULT", "AUTO_INCREMENT", "COMMENT", "AFTER", "FIRST",
            "ON", "CHARACTER", "CHARSET", "DEFERRABLE", "INITIALLY");

    public boolean hasDefault() {
        return !defaultExpr.isEmpty();
    }

    /** Reads {@code name type [constraints...]} up to a top-level comma, ')' or the end. */
    public static ColumnDef read(Cursor c) {
        String name = c.identifier("a column name");
        if (c.atEnd() || c.atSymbol(",") || c.atSymbol(")")) {
            throw c.error("Expected a data type for column " + name);
        }
        DataType type = DataType.read(c);
        List<Token> def = List.of();
        boolean notNull = false, pk = false, unique = false, check = false, stored = false, identity = false;
        String refs = null;
        while (!c.atEnd() && !c.atSymbol(",") && !c.atSymbol(")")) {
            if (c.accept("CONSTRAINT")) {
                c.identifier("a constraint name");
            } else if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("NULL")) {
                notNull = false;
            } else if (c.accept("DEFAULT")) {
                def = c.until(CONSTRAINT_WORDS);
                if (def.isEmpty()) {
                    throw c.error("Expected an expression after DEFAULT");
                }
                if (def.size() == 1 && def.get(0).is("NULL")) {
                    def = List.of();
                }
            } else if (c.accept("PRIMARY", "KEY")) {
                pk = true;
                notNull = true;
            } else if (c.accept("UNIQUE")) {
                unique = true;
                c.accept("KEY");
            } else if (c.accept("REFERENCES")) {
                refs = c.qualifiedName("a referenced table");
                if (c.atSymbol("(")) {
                    c.parens();
                }
                Constraints.skipReferentialActions(c);
            } else if (c.accept("CHECK")) {
                c.parens();
                check = true;
                c.accept("NO", "INHERIT");
            } else if (c.accept("GENERATED")) {
                if (!c.accept("ALWAYS")) {
                    c.expect("BY", "DEFAULT");
                }
                c.expect("AS");
                if (c.accept("IDENTITY")) {
                    identity = true;
                    if (c.atSymbol("(")) {
                        c.parens();
                    }
                } else {
                    c.parens();
                    stored = !c.accept("VIRTUAL");
                    c.accept("STORED");
                }
            } else if (c.accept("AUTO_INCREMENT")) {
                identity = true;
            } else {
                c.next(); // COLLATE x, COMMENT '..', MySQL column attributes: nothing to classify
            }
        }
        return new ColumnDef(name, type, def, notNull, pk, unique, refs, check, stored, identity);
    }
}
