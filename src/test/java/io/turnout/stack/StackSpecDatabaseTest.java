package io.turnout.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSpecDatabaseTest {

    private static final String BASE = """
            name: shop
            router: { kind: haproxy, publicPort: 18080 }
            services:
              web: { image: turnout-fixture/app:v1, port: 8080 }
            """;

    @Test
    void databaseSectionIsOptional() {
        assertThat(StackSpecs.parse(BASE).database()).isNull();
    }

    @Test
    void parsesAndRendersTheDatabaseSection() {
        StackSpec spec = StackSpecs.parse(BASE + """
                database:
                  url: jdbc:postgresql://127.0.0.1:5432/shop?user=shop
                  migrations: db/migration
                  container: shop-db
                """);

        assertThat(spec.database()).isEqualTo(new StackSpec.DatabaseSpec(
                "jdbc:postgresql://127.0.0.1:5432/shop?user=shop", "db/migration", "shop-db"));
        assertThat(StackSpecs.parse(StackSpecs.render(spec))).isEqualTo(spec);
    }

    @Test
    void keepsTheDatabaseWhenServicesChange() {
        StackSpec spec = StackSpecs.parse(BASE + "database: { url: 'jdbc:postgresql://db:5432/shop' }\n");

        assertThat(spec.withServices(spec.services()).database()).isEqualTo(spec.database());
    }

    @Test
    void refusesAPasswordInTheUrlWithTheLine() {
        assertThatThrownBy(() -> StackSpecs.parse(BASE + "database:\n  url: jdbc:postgresql://db/shop?user=u&password=hunter2\n"))
                .hasMessageStartingWith("turnout.yml line 6: database.url must not contain a password")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> StackSpecs.parse(BASE + "database:\n  url: jdbc:postgresql://u:hunter2@db/shop\n"))
                .hasMessageContaining("must not contain a password")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void refusesANonPostgresUrlAndAnAbsoluteMigrationsFolder() {
        assertThatThrownBy(() -> StackSpecs.parse(BASE + "database:\n  url: mysql://db/shop\n"))
                .hasMessageStartingWith("turnout.yml line 6: database.url must be a URL such as jdbc:postgresql://");
        assertThatThrownBy(() -> StackSpecs.parse(BASE + "database:\n  url: jdbc:postgresql://db/shop\n  migrations: /etc\n"))
                .hasMessageStartingWith("turnout.yml line 7: database.migrations must be a folder relative to turnout.yml");
        assertThatThrownBy(() -> StackSpecs.parse(BASE + "database:\n  migrations: db\n"))
                .hasMessageStartingWith("turnout.yml line 6: database.url is required");
    }
}
