package io.turnout.router;

import io.turnout.testing.Poll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What a router frontend serves, asked with a fresh connection each time. */
final class RouterAssertions {

    private RouterAssertions() {
    }

    static void awaitServes(InetSocketAddress frontend, String version, String color) {
        Poll.until(Duration.ofSeconds(20), frontend + " serving " + version + "/" + color, () -> get(frontend),
                r -> r.status() == 200 && version.equals(r.header("x-turnout-version")) && color.equals(r.header("x-turnout-color")));
    }

    static void assertServes(InetSocketAddress frontend, String version, String color) throws IOException {
        RawHttp.Response r = RawHttp.once(frontend, "/", "127.0.0.1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("x-turnout-version")).isEqualTo(version);
        assertThat(r.header("x-turnout-color")).isEqualTo(color);
    }

    private static RawHttp.Response get(InetSocketAddress frontend) {
        try {
            return RawHttp.once(frontend, "/", "127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
