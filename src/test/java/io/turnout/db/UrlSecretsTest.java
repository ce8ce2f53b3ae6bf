package io.turnout.db;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UrlSecretsTest {

    @Test
    void credentialsComeFromTheUrlThenTheEnvironment() {
        DbUrl withPassword = DbUrl.parse("jdbc:postgresql://db:5432/shop?user=shop&password=s%26cret&ssl=false");
        assertThat(UrlCredentials.of(withPassword, Map.of("PGPASSWORD", "env")))
                .isEqualTo(new UrlCredentials("shop", Optional.of("s&cret")));

        DbUrl bare = DbUrl.parse("jdbc:postgresql://db:5432/shop?user=shop");
        assertThat(UrlCredentials.of(bare, Map.of("PGPASSWORD", "env")).password()).contains("env");
        assertThat(UrlCredentials.of(bare, Map.of()).password()).isEmpty();
        assertThat(UrlCredentials.of(withPassword, Map.of()).toString()).doesNotContain("cret");
    }

    @Test
    void theContainerDumpCommandLineCarriesNoPassword() {
        ContainerDump dump = new ContainerDump(null, "shop-db", DbUrl.parse("jdbc:postgresql://db/shop?user=shop&password=hunter2"), Map.of(),
                java.time.Duration.ofMinutes(1));

        assertThat(dump.command()).containsExactly("pg_dump", "-Fc", "--no-password", "-U", "shop", "shop");
        assertThat(String.join(" ", dump.command())).doesNotContain("hunter2");
    }

    @Test
    void hostLabelsBecomeSafeFolderNames() {
        assertThat(Backups.folderName("ssh://deploy@db1:2222")).isEqualTo("deploy@db1_2222");
        assertThat(Backups.folderName("local")).isEqualTo("local");
        assertThat(Backups.folderName("ssh://x/../../etc")).doesNotContain("/");
    }
}
