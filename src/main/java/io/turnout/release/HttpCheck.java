package io.turnout.release;

import io.turnout.probe.HttpGet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What a health gate and a post-switch verification see of one GET: the status and the router's
 * {@code X-Turnout-Color}, or why there was no answer — as a value, since "no answer yet" is normal.
 */
record HttpCheck(int status, String color, String version, String error) {

    boolean ok() {
        return error == null && status >= 200 && status < 300;
    }

    String describe() {
        return error != null ? error : status + (color == null ? "" : " from " + color);
    }

    static HttpCheck get(InetSocketAddress address, String path, String hostHeader, Duration timeout) {
        try {
            HttpGet.Response r = HttpGet.once(address, path, hostHeader, timeout);
            return new HttpCheck(r.status(), r.header("X-Turnout-Color"), r.header("X-Turnout-Version"), null);
        } catch (IOException e) {
            return new HttpCheck(0, null, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
