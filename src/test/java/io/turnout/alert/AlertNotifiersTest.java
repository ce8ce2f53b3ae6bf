package io.turnout.alert;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertNotifiersTest {

    @Test
    void aWebhookOnlyWhenTheVariableIsSet() {
        assertThat(AlertNotifiers.fromEnvironment(Map.of())).isEmpty();
        assertThat(AlertNotifiers.fromEnvironment(Map.of(AlertNotifiers.ENV_WEBHOOK, "https://hooks.example/T/B/secret")))
                .singleElement().isInstanceOf(WebhookNotifier.class);
    }

    @Test
    void aValueThatIsNoHttpUrlIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> AlertNotifiers.fromEnvironment(Map.of(AlertNotifiers.ENV_WEBHOOK, "ftp://x/secret-token")))
                .hasMessageContaining(AlertNotifiers.ENV_WEBHOOK).hasMessageNotContaining("secret-token");
    }
}
