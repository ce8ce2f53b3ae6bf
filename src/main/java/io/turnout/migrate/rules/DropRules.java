package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;

/** DROP TABLE / SCHEMA / DATABASE / VIEW / ...: destructive for the running version (squawk ban-drop-*). */
final class DropRules {

    private DropRules() {
    }

    static void apply(Cursor c, Context ctx, Verdict v) {
        c.expect("DROP");
        if (c.at("INDEX")) {
            throw new IllegalStateException("DROP INDEX is IndexRules'");
        }
        boolean materialized = c.accept("MATERIALIZED");
        String kind = c.next().upper();
        c.accept("IF", "EXISTS");
        String first = c.qualifiedName("a name after DROP " + kind);
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(first));
        while (c.acceptSymbol(",")) {
            names.add(c.qualifiedName("a name"));
        }
        c.skipRest();
        switch (kind) {
            case "TABLE" -> {
                v.type("DROP_TABLE").lock(LockLevel.ACCESS_EXCLUSIVE);
                names.forEach(v::table);
                if (names.stream().allMatch(ctx::isNew)) {
                    return;
                }
                v.rule("ban-drop-table", Risk.HIGH, MigrationClass.RISKY,
                        "Dropping " + String.join(", ", names) + " loses its data and breaks the running version if it still uses it.");
                v.alternative("Release code that no longer uses it, take a labelled backup, drop it in a later migration.");
            }
            case "SCHEMA" -> {
                v.type("DROP_SCHEMA").lock(LockLevel.ACCESS_EXCLUSIVE);
                v.rule("ban-drop-schema", Risk.HIGH, MigrationClass.RISKY,
                        "Dropping schema " + first + " (with CASCADE, everything in it) loses data and breaks code that uses it.");
                v.alternative("Release code that no longer uses it, take a labelled backup, then drop it.");
            }
            case "DATABASE" -> {
                v.type("DROP_DATABASE");
                v.rule("ban-drop-database", Risk.HIGH, MigrationClass.MAINTENANCE,
                        "Dropping database " + first + " is irreversible and cannot run inside a transaction block.");
                v.alternative("Do not drop databases from migrations; do it by hand after a backup.");
            }
            case "VIEW" -> {
                v.type(materialized ? "DROP_MATERIALIZED_VIEW" : "DROP_VIEW").lock(LockLevel.ACCESS_EXCLUSIVE);
                names.forEach(v::table);
                v.rule("drop-view", Risk.MEDIUM, MigrationClass.RISKY,
                        "The running version may still query " + first + ".");
                v.alternative("Release code that no longer uses it first.");
            }
            case "TRIGGER", "POLICY", "RULE" -> {
                v.type("DROP_" + kind).lock(LockLevel.ACCESS_EXCLUSIVE);
            }
            default -> v.type("DROP_" + kind)
                    .warn("The running version may still depend on " + kind.toLowerCase(java.util.Locale.ROOT) + " " + first + ".")
                    .raise(Risk.LOW, MigrationClass.SAFE);
        }
    }
}
