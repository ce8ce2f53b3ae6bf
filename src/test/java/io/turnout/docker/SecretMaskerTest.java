package io.turnout.docker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.turnout.docker.SecretMasker.MASK;
import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTest {

    private final SecretMasker masker = new SecretMasker();

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "MYSQL_ROOT_PASSWD", "APP_SECRET", "GITHUB_TOKEN", "AWS_CREDENTIALS",
            "SSH_PRIVATE_KEY", "API_KEY", "api_key", "apiKey", "KEY", "KEYS", "ENCRYPTION_KEY_FILE", "BASIC_AUTH",
            "OAUTH_CLIENT", "SENTRY_DSN", "secretName", "Db.Password"})
    void secretLookingNamesAreMaskedWhole(String name) {
        SecretMasker.Masked m = masker.mask(name, "hunter2");
        assertThat(m.value()).isEqualTo(MASK);
        assertThat(m.masked()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KEYBOARD_LAYOUT", "MONKEY", "PATH", "APP_VERSION", "PORT", "HOSTNAME", "TURKEY_MODE", "keyboard"})
    void ordinaryNamesStayVisible(String name) {
        SecretMasker.Masked m = masker.mask(name, "value-1");
        assertThat(m.value()).isEqualTo("value-1");
        assertThat(m.masked()).isFalse();
    }

    @Test
    void urlPasswordIsMaskedButUserAndHostStay() {
        SecretMasker.Masked m = masker.mask("DATABASE_URL", "postgres://app:s3cret@db:5432/app?sslmode=disable");
        assertThat(m.value()).isEqualTo("postgres://app:" + MASK + "@db:5432/app?sslmode=disable");
        assertThat(m.masked()).isTrue();
    }

    @Test
    void urlPasswordWithSlashesIsStillMasked() {
        assertThat(masker.mask("REDIS_URL", "redis://:a/b+c@cache:6379/0").value())
                .isEqualTo("redis://:" + MASK + "@cache:6379/0");
    }

    @Test
    void urlWithUserOnlyOrNoUserinfoIsUntouched() {
        assertThat(masker.mask("UPSTREAM", "https://git@example.org/repo").masked()).isFalse();
        assertThat(masker.mask("UPSTREAM", "http://example.org:8080/x").masked()).isFalse();
    }

    @Test
    void jdbcQueryPasswordIsMasked() {
        SecretMasker.Masked m = masker.mask("JDBC_URL", "jdbc:postgresql://db/app?user=app&password=pw1&ssl=true");
        assertThat(m.value()).isEqualTo("jdbc:postgresql://db/app?user=app&password=" + MASK + "&ssl=true");
    }

    @Test
    void everyUrlInAValueIsMasked() {
        assertThat(masker.mask("MIRRORS", "http://a:1@x http://b:2@y").value())
                .isEqualTo("http://a:" + MASK + "@x http://b:" + MASK + "@y");
    }

    @Test
    void emptyValuesStayEmptyAndUnmasked() {
        assertThat(masker.mask("DB_PASSWORD", "")).isEqualTo(new SecretMasker.Masked("", false));
    }
}
