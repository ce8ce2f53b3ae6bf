package io.turnout.migrate.parse;

/** A statement of a form the recognizer knows is malformed; carries the line for the report. */
public final class SyntaxException extends RuntimeException {

    private final int line;

    public SyntaxException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
