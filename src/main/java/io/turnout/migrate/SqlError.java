package io.turnout.migrate;

/** A problem in the input that stops a statement from being classified (syntax, unterminated quote). */
public record SqlError(int line, String message) {
}
