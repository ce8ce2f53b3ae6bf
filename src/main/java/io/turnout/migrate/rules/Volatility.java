package io.turnout.migrate.rules;

import io.turnout.migrate.parse.Token;

import java.util.List;
import java.util.Set;

/**
 * Whether a DEFAULT expression is volatile. PostgreSQL 11+ stores a non-volatile default once in
 * the catalog (no rewrite, ALTER TABLE docs, "Notes"); a volatile one (random(), clock_timestamp(),
 * gen_random_uuid(), nextval()) is evaluated per row, so the table is rewritten. now() and
 * CURRENT_TIMESTAMP are STABLE: one value for the statement, so they stay fast.
 */
final class Volatility {

    private static final Set<String> VOLATILE = Set.of("RANDOM", "CLOCK_TIMESTAMP", "TIMEOFDAY", "GEN_RANDOM_UUID",
            "UUID_GENERATE_V1", "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "UUIDV7", "UUID", "NEXTVAL", "SETSEED",
            "TXID_CURRENT", "PG_CURRENT_XACT_ID", "RANDOM_NORMAL", "UUIDV4");
    /** Built-ins that are immutable or stable: evaluated once for ADD COLUMN ... DEFAULT. */
    private static final Set<String> NON_VOLATILE = Set.of("NOW", "STATEMENT_TIMESTAMP", "TRANSACTION_TIMESTAMP",
            "LOWER", "UPPER", "COALESCE", "NULLIF", "GREATEST", "LEAST", "ARRAY", "ROW", "JSONB_BUILD_OBJECT",
            "JSON_BUILD_OBJECT", "JSONB_BUILD_ARRAY", "TO_JSONB", "MAKE_DATE", "MAKE_INTERVAL", "CONCAT", "LENGTH",
            "CAST", "DATE_TRUNC", "TO_TIMESTAMP", "CURRENT_SETTING", "INTERVAL", "TIMEZONE", "ABS", "ROUND");

    enum Kind { CONSTANT, VOLATILE, UNKNOWN_FUNCTION }

    private Volatility() {
    }

    static Kind of(List<Token> expr) {
        Kind k = Kind.CONSTANT;
        for (int i = 0; i + 1 < expr.size(); i++) {
            Token t = expr.get(i);
            if (t.kind() == Token.Kind.WORD && expr.get(i + 1).isSymbol("(")) {
                String fn = t.upper();
                if (VOLATILE.contains(fn)) {
                    return Kind.VOLATILE;
                }
                boolean typeCast = i > 0 && expr.get(i - 1).isSymbol("::");
                if (!NON_VOLATILE.contains(fn) && !typeCast) {
                    k = Kind.UNKNOWN_FUNCTION;
                }
            }
        }
        return k;
    }

    /** First function name in the expression, for messages. */
    static String firstFunction(List<Token> expr) {
        for (int i = 0; i + 1 < expr.size(); i++) {
            if (expr.get(i).kind() == Token.Kind.WORD && expr.get(i + 1).isSymbol("(")) {
                return expr.get(i).name() + "()";
            }
        }
        return "the expression";
    }
}
