package io.turnout.migrate;

import io.turnout.migrate.parse.Cursor;
import io.turnout.migrate.parse.Lexer;
import io.turnout.migrate.parse.SyntaxException;
import io.turnout.migrate.parse.Token;
import io.turnout.migrate.rules.Context;
import io.turnout.migrate.rules.StatementRules;
import io.turnout.migrate.rules.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule-based classifier: split, recognise each statement, let its rule family decide lock,
 * rewrite, risk and class, then take the worst statement as the file's verdict. A statement that
 * does not parse becomes an error with its line (the file is invalid) and is not classified.
 */
public final class RuleClassifier implements MigrationClassifier {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleClassifier.class);

    private final SchemaCatalog catalog;
    private final SizeAwareRisk sizeAware;

    public RuleClassifier() {
        this(SchemaCatalog.empty(), SizeAwareRisk.NONE);
    }

    /** @param catalog column types known before the file; updated as files are classified in order */
    public RuleClassifier(SchemaCatalog catalog) {
        this(catalog, SizeAwareRisk.NONE);
    }

    public RuleClassifier(SchemaCatalog catalog, SizeAwareRisk sizeAware) {
        this.catalog = catalog;
        this.sizeAware = sizeAware;
    }

    @Override
    public FileClassification classify(MigrationSource source, ClassifyOptions options) {
        SqlSplitter.Result split = SqlSplitter.split(source.sql(), options.dialect());
        List<SqlError> errors = new ArrayList<>(split.errors());
        List<Operation> ops = new ArrayList<>();
        Context ctx = new Context(options, catalog);
        for (SqlStatement s : split.statements()) {
            List<Token> tokens = Lexer.tokens(s.text(), s.line());
            if (tokens.isEmpty()) {
                continue;
            }
            Verdict v = new Verdict();
            try {
                StatementRules.apply(new Cursor(tokens, s.line()), ctx, v);
            } catch (SyntaxException e) {
                errors.add(new SqlError(e.line(), e.getMessage()));
                continue;
            } catch (RuntimeException e) {
                // A gap in the recognizer must not take the whole report down: report it on the statement's line.
                LOG.warn("Could not classify statement {} of {}", s.index(), source.name(), e);
                errors.add(new SqlError(s.line(), "Could not read this statement (" + e.getClass().getSimpleName() + ")."));
                continue;
            }
            ops.add(sizeAware.adjust(v.build(s, tokens.get(0).upper())));
        }
        List<String> warnings = new ArrayList<>();
        StatementRules.timeoutWarning(ctx).ifPresent(warnings::add);
        Risk risk = Risk.LOW;
        MigrationClass cls = MigrationClass.SAFE;
        for (Operation op : ops) {
            risk = risk.max(op.risk());
            cls = cls.max(op.migrationClass());
        }
        return new FileClassification(source.name(), errors.isEmpty(), risk, cls, ops, warnings, errors);
    }
}
