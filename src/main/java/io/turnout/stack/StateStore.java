package io.turnout.stack;

import java.util.List;
import java.util.Optional;

/**
 * Small text files on the target host, under one root directory (see ADR 0009): the only way
 * stack state is read and written, so every operator sees the same truth. Paths are relative,
 * '/'-separated. Implementations: the local filesystem (local engine) and SFTP over the host's
 * one SSH session. All methods block.
 */
public interface StateStore {

    /** Where the root is, for messages ({@code ssh://deploy@host/~/.turnout/stacks}). */
    String describe();

    Optional<String> read(String path);

    /** Replaces the file atomically (write a temporary file, then rename); creates parent directories. */
    void write(String path, String content);

    /** Appends one line (a newline is added); creates the file and its parents when missing. */
    void append(String path, String line);

    /**
     * Creates the file with this content only if it does not exist, atomically with respect to
     * other writers on any machine (the lock primitive).
     *
     * @return false when the file already existed (nothing written)
     */
    boolean createExclusive(String path, String content);

    /** @return false when there was nothing to delete */
    boolean delete(String path);

    /** Deletes a directory and everything under it; no-op when missing. */
    void deleteTree(String path);

    /** Names (not paths) of the entries directly under {@code dir}, sorted; empty when missing. */
    List<String> list(String dir);
}
