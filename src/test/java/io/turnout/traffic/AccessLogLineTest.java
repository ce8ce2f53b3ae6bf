package io.turnout.traffic;

import io.turnout.stack.Color;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogLineTest {

    @Test
    void readsServiceColorStatusAndActiveTime() {
        String line = "172.18.0.1:53462 [23/Nov/2026:15:10:01.123] fe.public web/green 0/0/1/2/37 500 170 - - ---- "
                + "1/1/0/0/0 0/0 \"GET / HTTP/1.1\"";

        assertThat(AccessLogLine.parse(line)).isEqualTo(new AccessLogLine("web", Color.GREEN, 500, 37));
    }

    @Test
    void acceptsTheLogasapPlusPrefix() {
        String line = "10.0.0.1:1 [23/Nov/2026:15:10:01.123] fe.public api/blue 0/0/1/2/+120 200 +170 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"";

        assertThat(AccessLogLine.parse(line).activeMs()).isEqualTo(120);
    }

    @Test
    void ignoresTcpLogsNoServerAndNotices() {
        assertThat(AccessLogLine.parse("172.18.0.1:40000 [23/Nov/2026:15:10:01.123] runtime runtime/admin 1/0/3 2048 -- 1/1/0/0/0 0/0"))
                .isNull();
        assertThat(AccessLogLine.parse("172.18.0.1:1 [23/Nov/2026:15:10:01.123] fe.public fe.public/<NOSRV> -1/-1/-1/-1/0 503 0 - - "
                + "LR-- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"")).isNull();
        assertThat(AccessLogLine.parse("[NOTICE]   (1) : New worker (8) forked")).isNull();
        assertThat(AccessLogLine.parse("")).isNull();
    }

    @Test
    void readsTurnoutsNginxFormat() {
        assertThat(AccessLogLine.parse("turnout web/blue 200 0.003")).isEqualTo(new AccessLogLine("web", Color.BLUE, 200, 3));
        assertThat(AccessLogLine.parse("turnout api/green 502 12.345")).isEqualTo(new AccessLogLine("api", Color.GREEN, 502, 12_345));
    }

    @Test
    void ignoresNginxLinesItCannotTrust() {
        assertThat(AccessLogLine.parse("turnout - 503 0.000")).isNull();
        assertThat(AccessLogLine.parse("turnout web/red 200 0.001")).isNull();
        assertThat(AccessLogLine.parse("turnout web/blue 200 0.1")).isNull();
        assertThat(AccessLogLine.parse("turnout web/blue two 0.001")).isNull();
        assertThat(AccessLogLine.parse("turnout web/blue 200")).isNull();
        assertThat(AccessLogLine.parse("turnout ")).isNull();
        assertThat(AccessLogLine.parse("2026/11/23 18:00:00 [notice] 1#1: signal process started")).isNull();
    }
}
