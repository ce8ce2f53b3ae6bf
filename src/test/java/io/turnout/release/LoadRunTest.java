package io.turnout.release;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The load tools' output formats, as Debian's wrk 4.1 and hey 0.1.4 print them. */
class LoadRunTest {

    @Test
    void parsesWrkTotalsErrorsAndNon2xx() {
        String out = """
                Running 10s test @ http://127.0.0.1:18080/
                  1 threads and 4 connections
                  2001 requests in 10.00s, 300.00KB read
                  Socket errors: connect 1, read 2, write 0, timeout 3
                  Non-2xx or 3xx responses: 7
                Requests/sec:    200.01
                """;
        LoadRun.Result r = LoadRun.parseWrk(out);
        assertThat(r.requests()).isEqualTo(2001);
        assertThat(r.socketErrors()).isEqualTo(6);
        assertThat(r.non2xx()).isEqualTo(7);
    }

    @Test
    void parsesHeyStatusAndErrorDistributions() {
        String out = """
                Status code distribution:
                  [200]\t990 responses
                  [503]\t4 responses

                Error distribution:
                  [5]\tGet "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused
                  [1]\tGet "http://127.0.0.1:1/": EOF
                """;
        LoadRun.Result r = LoadRun.parseHey(out);
        assertThat(r.requests()).isEqualTo(994);
        assertThat(r.non2xx()).isEqualTo(4);
        assertThat(r.socketErrors()).isEqualTo(6);
    }
}
