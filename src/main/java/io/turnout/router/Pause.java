package io.turnout.router;

/** The one wait between polls of a condition with a deadline (router start, reload). */
final class Pause {

    private Pause() {
    }

    static void briefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterException("interrupted while waiting for the router", e);
        }
    }
}
