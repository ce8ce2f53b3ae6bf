package io.turnout.probe;

/**
 * What one probe request got back: the status and the two headers that say who served it.
 *
 * @param color {@code X-Turnout-Color}, or null
 * @param version {@code X-Turnout-Version}, or null
 */
record ProbeResponse(int status, String color, String version) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
