package io.turnout.migrate.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little the verifier must know about a statement's text before running it. */
final class StatementKinds {

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(--[^\\n]*\\n|/\\*.*?\\*/))*\\s*", Pattern.DOTALL);
    private static final Pattern NON_TRANSACTIONAL = Pattern.compile(
            "^(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\b.*\\bCONCURRENTLY"
                    + "|VACUUM\\b|ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY"
                    + "|(CREATE|DROP)\\s+(DATABASE|TABLESPACE)\\b|ALTER\\s+SYSTEM\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "^(BEGIN|COMMIT|END|ROLLBACK|ABORT|START\\s+TRANSACTION|SAVEPOINT|RELEASE|PREPARE\\s+TRANSACTION)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_AFTER_ON = Pattern.compile("\\bON\\s+(?:ONLY\\s+)?([\\w.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_AFTER_VERB = Pattern.compile(
            "^(?:VACUUM|CLUSTER|ANALYZE|REINDEX\\s+TABLE)(?:\\s*\\([^)]*\\))?(?:\\s+(?:FULL|FREEZE|VERBOSE|ANALYZE|CONCURRENTLY))*\\s+([\\w.\"]+)",
            Pattern.CASE_INSENSITIVE);

    private StatementKinds() {
    }

    static String body(String sql) {
        return LEADING_COMMENTS.matcher(sql).replaceFirst("");
    }

    /** PostgreSQL refuses these inside a transaction block (SQLSTATE 25001). */
    static boolean nonTransactional(String sql) {
        return NON_TRANSACTIONAL.matcher(body(sql)).find();
    }

    static boolean transactionControl(String sql) {
        return TRANSACTION_CONTROL.matcher(body(sql)).find();
    }

    /** Tables named by the text, for when the classifier gave none (index and maintenance statements). */
    static List<String> tablesIn(String sql) {
        List<String> out = new ArrayList<>();
        String b = body(sql);
        Matcher verb = TABLE_AFTER_VERB.matcher(b);
        if (verb.find()) {
            out.add(verb.group(1));
        }
        if (b.toUpperCase(Locale.ROOT).contains("INDEX")) {
            Matcher on = TABLE_AFTER_ON.matcher(b);
            if (on.find()) {
                out.add(on.group(1));
            }
        }
        return out;
    }
}
