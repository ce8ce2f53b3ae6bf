package io.turnout.migrate;

/**
 * One statement as the splitter found it.
 *
 * @param index 1-based position in its file
 * @param line 1-based line of the statement's first token
 * @param text the statement without its terminator, comments inside kept verbatim
 */
public record SqlStatement(int index, int line, String text) {
}
