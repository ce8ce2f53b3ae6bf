package io.turnout.ui.connect;

import io.turnout.target.TargetUri;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddHostRequestTest {

    @Test
    void aliasBecomesAnSshTargetWithTheSocketFoldedIn() {
        AddHostRequest r = AddHostRequest.parse("prod-1", "/run/user/1000/docker.sock");
        assertThat(r.target().scheme()).isEqualTo(TargetUri.Scheme.SSH);
        assertThat(r.target().host()).isEqualTo("prod-1");
        assertThat(r.target().param("socket")).contains("/run/user/1000/docker.sock");
    }

    @Test
    void blankSocketIsOptional() {
        assertThat(AddHostRequest.parse("ssh://deploy@10.0.0.5:2222", " ").remoteSocket()).isNull();
    }

    @Test
    void relativeSocketAndSocketOnTcpAreRejectedWithASentence() {
        assertThatThrownBy(() -> AddHostRequest.parse("prod-1", "docker.sock")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> AddHostRequest.parse("tcp://h:2376", "/x.sock")).hasMessageContaining("only applies to ssh://");
        assertThat(AddHostDialog.problemWith("ftp://x", "")).contains("unsupported scheme");
        assertThat(AddHostDialog.problemWith("", "")).isEmpty();
        assertThat(AddHostDialog.problemWith("ssh://deploy@", "")).as("still typing the host").contains("names no host");
    }
}
