package io.turnout.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbUrlTest {

    @Test
    void pgpasswordFillsInOnlyAMissingPasswordEncodedAndMasked() {
        DbUrl bare = DbUrl.parse("jdbc:postgresql://db:5432/shop?user=app");
        DbUrl filled = bare.withPasswordFrom(java.util.Map.of("PGPASSWORD", "p&ss=1"));
        assertThat(filled.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=p%26ss%3D1");
        assertThat(filled.masked()).doesNotContain("p%26ss");
        assertThat(DbUrl.parse("jdbc:postgresql://db/shop").withPasswordFrom(java.util.Map.of("PGPASSWORD", "x")).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db/shop?password=x");
        DbUrl own = DbUrl.parse("jdbc:postgresql://db/shop?user=app&password=mine");
        assertThat(own.withPasswordFrom(java.util.Map.of("PGPASSWORD", "env"))).isEqualTo(own);
        assertThat(bare.withPasswordFrom(java.util.Map.of())).isEqualTo(bare);
    }

    @Test
    void maskedHidesThePasswordInTheQuery() {
        DbUrl url = DbUrl.parse("jdbc:postgresql://db.example:6543/shop?user=app&password=s3cr3t&ssl=true");
        assertThat(url.masked()).isEqualTo("jdbc:postgresql://db.example:6543/shop?user=app&password=***&ssl=true");
        assertThat(url.toString()).doesNotContain("s3cr3t");
        assertThat(url.jdbcUrl()).contains("s3cr3t");
    }

    @Test
    void maskedHidesThePasswordWhateverItsCaseAndPosition() {
        assertThat(DbUrl.parse("jdbc:postgresql://h/db?PASSWORD=s3cr3t").masked()).isEqualTo("jdbc:postgresql://h/db?PASSWORD=***");
        assertThat(DbUrl.parse("jdbc:postgresql://h/db?password=a&sslpassword=b&user=u").masked())
                .isEqualTo("jdbc:postgresql://h/db?password=***&sslpassword=***&user=u");
    }

    @Test
    void maskedHidesThePasswordInTheUserInfo() {
        DbUrl url = DbUrl.parse("jdbc:postgresql://app:s3cr3t@db.example:5432/shop");
        assertThat(url.masked()).isEqualTo("jdbc:postgresql://app:***@db.example:5432/shop");
        assertThat(url.host()).isEqualTo("db.example");
        assertThat(url.database()).isEqualTo("shop");
    }

    @Test
    void tunnelledUrlKeepsCredentialsButStillMasksThem() {
        DbUrl url = DbUrl.parse("jdbc:postgresql://10.0.0.5:5432/shop?user=app&password=s3cr3t").withHostPort("127.0.0.1", 40001);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:40001/shop?user=app&password=s3cr3t");
        assertThat(url.masked()).doesNotContain("s3cr3t");
    }

    @Test
    void badUrlSentenceDoesNotRepeatThePassword() {
        assertThatThrownBy(() -> DbUrl.parse("postgres://app:s3cr3t@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cr3t")
                .hasMessageContaining("postgres://app:***@h/db");
        assertThatThrownBy(() -> DbUrl.parse("jdbc:postgresql://h/?password=s3cr3t"))
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void connectorSentenceMasksADriverMessageThatQuotesTheUrl() {
        DbUrl url = DbUrl.parse("jdbc:postgresql://h:5432/db?password=s3cr3t");
        String s = DbConnector.sentence(url, new SQLException("Could not open jdbc:postgresql://h:5432/db?password=s3cr3t", "08001"));
        assertThat(s).startsWith("Cannot reach the database at h:5432/db").doesNotContain("s3cr3t");
    }
}
