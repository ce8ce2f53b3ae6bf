package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;

/**
 * ALTER TYPE (enum values) and domains. ALTER TYPE ... ADD VALUE touches no table; before
 * PostgreSQL 12 it cannot run inside a transaction block, from 12 it can but the new value is
 * unusable until the transaction commits (ALTER TYPE docs, Notes). Domain constraints are checked
 * against every column using the domain (squawk ban-create-domain-with-constraint,
 * ban-alter-domain-with-add-constraint).
 */
final class EnumDomainRules {

    private EnumDomainRules() {
    }

    static void alterType(Cursor c, Context ctx, Verdict v) {
        c.expect("ALTER", "TYPE");
        String type = c.qualifiedName("a type name");
        if (c.accept("ADD", "VALUE")) {
            c.accept("IF", "NOT", "EXISTS");
            if (c.next().kind() != io.turnout.migrate.parse.Token.Kind.STRING) {
                throw c.error("Expected the new enum value as a string literal");
            }
            c.skipRest();
            v.type("ADD_ENUM_VALUE");
            Boolean pg12 = ctx.atLeast(12);
            if (Boolean.FALSE.equals(pg12)) {
                v.rule("enum-add-value-in-transaction", ctx.inTransaction() ? Risk.HIGH : Risk.MEDIUM, MigrationClass.SAFE,
                        "Before PostgreSQL 12 ALTER TYPE ... ADD VALUE cannot run inside a transaction block"
                                + (ctx.inTransaction() ? "; this one follows BEGIN and will fail." : " (Flyway wraps each migration in one)."));
                v.alternative("Run it in its own non-transactional migration.");
            } else if (pg12 == null) {
                v.rule("enum-add-value-in-transaction", Risk.MEDIUM, MigrationClass.SAFE,
                        "Before PostgreSQL 12 ALTER TYPE ... ADD VALUE cannot run inside a transaction block; from 12 it can.");
            } else {
                v.warn("The new value of " + type + " cannot be used until this transaction commits.");
            }
        } else if (c.accept("RENAME", "VALUE")) {
            c.skipRest();
            v.type("RENAME_ENUM_VALUE");
            v.rule("rename-enum-value", Risk.HIGH, MigrationClass.RISKY,
                    "The running version still writes and compares the old value of " + type + ".");
            v.alternative("Add the new value, move the code and the data to it, stop using the old one (enum values cannot be dropped).");
        } else if (c.accept("RENAME", "TO")) {
            c.skipRest();
            v.type("RENAME_TYPE");
            v.rule("rename-type", Risk.MEDIUM, MigrationClass.RISKY, "Code that casts to " + type + " by name fails after the rename.");
        } else {
            c.skipRest();
            v.type("ALTER_TYPE").warn("ALTER TYPE " + type + " changes a type that existing columns may use; not classified in detail.");
        }
    }

    static void createDomain(Cursor c, Verdict v) {
        c.expect("CREATE", "DOMAIN");
        String name = c.qualifiedName("a domain name");
        boolean constrained = false;
        while (!c.atEnd()) {
            io.turnout.migrate.parse.Token t = c.next();
            constrained |= t.is("CHECK") || t.is("CONSTRAINT") || t.is("NOT") && c.at("NULL");
        }
        v.type("CREATE_DOMAIN");
        if (constrained) {
            v.rule("ban-create-domain-with-constraint", Risk.MEDIUM, MigrationClass.SAFE,
                    "Constraints on domain " + name + " are re-checked against every column using it when changed later, under heavy locks.");
            v.alternative("Put the CHECK on the table columns (ADD CONSTRAINT ... NOT VALID + VALIDATE) instead of the domain.");
        }
    }

    static void alterDomain(Cursor c, Verdict v) {
        c.expect("ALTER", "DOMAIN");
        String name = c.qualifiedName("a domain name");
        if (c.accept("ADD")) {
            boolean notValid = false;
            while (!c.atEnd()) {
                if (c.accept("NOT", "VALID")) {
                    notValid = true;
                } else {
                    c.next();
                }
            }
            v.type("ALTER_DOMAIN_ADD_CONSTRAINT").lock(LockLevel.SHARE);
            v.rule("ban-alter-domain-with-add-constraint", notValid ? Risk.MEDIUM : Risk.HIGH,
                    notValid ? MigrationClass.SAFE : MigrationClass.MAINTENANCE,
                    "ADD CONSTRAINT on domain " + name + " checks every column of every table that uses it while blocking writes to them.");
            v.alternative("Put the CHECK on the table columns (ADD CONSTRAINT ... NOT VALID + VALIDATE) instead of the domain.");
        } else {
            c.skipRest();
            v.type("ALTER_DOMAIN");
        }
    }
}
