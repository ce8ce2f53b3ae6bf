package io.turnout.ui.stack;

import io.turnout.router.BackendCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseTextTest {

    @Test
    void versionIsTheImageTagOrAShortDigest() {
        assertThat(ReleaseText.version("turnout-fixture/app:v2")).isEqualTo("v2");
        assertThat(ReleaseText.version("registry.local:5000/shop/web")).isEqualTo("latest");
        assertThat(ReleaseText.version("registry.local:5000/shop/web:2.4.1")).isEqualTo("2.4.1");
        assertThat(ReleaseText.version("web@sha256:0123456789abcdef0123")).isEqualTo("0123456789ab");
        assertThat(ReleaseText.version(null)).isEqualTo("—");
    }

    @Test
    void proofAndLatencyReadLikeTheReleaseRecord() {
        var probe = new InMemoryStackOperations("s", "a:v1").probe;
        assertThat(ReleaseText.proof(probe)).isEqualTo("0 failed / 1,204 requests, mixed 12 ms");
        assertThat(ReleaseText.p99(probe)).isEqualTo("4.1 → 6.3 → 3.9 ms");
        assertThat(ReleaseText.check(new BackendCheck("UP", "L7OK/200 in 1ms", 0, 1))).isEqualTo("UP · L7OK/200 in 1ms");
        assertThat(ReleaseText.check(null)).isEqualTo("not routed");
    }
}
