package io.turnout.cli;

/** Whether someone can answer a prompt: CI has no terminal, so prompts must refuse, not hang. */
final class Terminal {

    private Terminal() {
    }

    static boolean interactive() {
        return System.console() != null && System.console().isTerminal();
    }
}
