package io.turnout.target;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetUriTest {

    @Test
    void sshUriKeepsUserPortAndRemoteSocket() {
        TargetUri t = TargetUri.parse("ssh://deploy@prod-1:2222?socket=/run/user/1000/docker.sock");
        assertThat(t.scheme()).isEqualTo(TargetUri.Scheme.SSH);
        assertThat(t.user()).isEqualTo("deploy");
        assertThat(t.host()).isEqualTo("prod-1");
        assertThat(t.port()).isEqualTo(2222);
        assertThat(t.param("socket")).contains("/run/user/1000/docker.sock");
        assertThat(t).hasToString("ssh://deploy@prod-1:2222?socket=/run/user/1000/docker.sock");
    }

    @Test
    void bareNameIsAnSshAliasWithoutUserOrPort() {
        TargetUri t = TargetUri.parse("turnout-sandbox");
        assertThat(t.scheme()).isEqualTo(TargetUri.Scheme.SSH);
        assertThat(t.host()).isEqualTo("turnout-sandbox");
        assertThat(t.user()).isNull();
        assertThat(t.port()).isEqualTo(-1);
        assertThat(t.label()).isEqualTo("turnout-sandbox");
    }

    @Test
    void unixSocketFromUriOrPlainPath() {
        assertThat(TargetUri.parse("unix:///var/run/docker.sock").path()).isEqualTo("/var/run/docker.sock");
        assertThat(TargetUri.parse("/run/turnout-sandbox/docker.sock").scheme()).isEqualTo(TargetUri.Scheme.UNIX);
    }

    @Test
    void tcpDefaultsToPort2375AndHttpsMeansTls() {
        assertThat(TargetUri.parse("tcp://10.0.0.5").port()).isEqualTo(2375);
        TargetUri tls = TargetUri.parse("https://docker.example:2376?certs=/etc/certs");
        assertThat(tls.tls()).isTrue();
        assertThat(tls.param("certs")).contains("/etc/certs");
    }

    @Test
    void tcpTextRoundTripKeepsTlsMaterial() {
        TargetUri t = TargetUri.parse("tcp://edge:2376?tls=true&certs=/home/ops/.docker/certs");
        assertThat(TargetUri.parse(t.toString())).isEqualTo(t);
        assertThat(t.toString()).isEqualTo("tcp://edge:2376?certs=/home/ops/.docker/certs&tls=true");
    }

    @Test
    void unsupportedSchemeAndBlankAreClearErrors() {
        assertThatThrownBy(() -> TargetUri.parse("ftp://x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unix://, ssh:// or tcp://");
        assertThatThrownBy(() -> TargetUri.parse(" ")).hasMessageContaining("A host is required");
    }
}
