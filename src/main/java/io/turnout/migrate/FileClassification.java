package io.turnout.migrate;

import java.util.List;

/**
 * The verdict on one migration file: the worst of its statements.
 *
 * @param valid false when any statement could not be parsed (see {@link #errors})
 */
public record FileClassification(String file, boolean valid, Risk risk, MigrationClass migrationClass,
                                 List<Operation> operations, List<String> warnings, List<SqlError> errors) {

    public FileClassification {
        operations = List.copyOf(operations);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }
}
