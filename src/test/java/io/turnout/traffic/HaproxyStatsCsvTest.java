package io.turnout.traffic;

import io.turnout.stack.Color;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HaproxyStatsCsvTest {

    @Test
    void readsPublicBackendServersByColumnName() {
        String csv = StatsCsvFixture.HEADER + StatsCsvFixture.frontend("fe.public")
                + StatsCsvFixture.server("web", "blue", 4, 700L, 690, 3, 7, 12, 15)
                + StatsCsvFixture.server("web", "green", 1, 300L, 300, 0, 0, 8, 9)
                + StatsCsvFixture.server("preview.web", "green", 0, 50L, 50, 0, 0, 1, 1)
                + StatsCsvFixture.server("web", "BACKEND", 5, 1000L, 990, 3, 7, 10, 12);

        Map<String, Map<Color, ColorCounters>> m = HaproxyStatsCsv.parse(csv, List.of("web"));

        assertThat(m.get("web")).containsOnlyKeys(Color.BLUE, Color.GREEN);
        assertThat(m.get("web").get(Color.BLUE)).isEqualTo(new ColorCounters(700, 3, 7, 4, 12, 15));
        assertThat(m.get("web").get(Color.GREEN).requests()).isEqualTo(300);
    }

    @Test
    void countsAnsweredResponsesWhenReqTotIsEmpty() {
        String csv = StatsCsvFixture.HEADER + StatsCsvFixture.server("web", "blue", 0, null, 40, 2, 3, 0, 0);

        assertThat(HaproxyStatsCsv.parse(csv, List.of("web")).get("web").get(Color.BLUE).requests()).isEqualTo(45);
    }

    @Test
    void refusesAnAnswerWithoutHeader() {
        assertThatThrownBy(() -> HaproxyStatsCsv.parse("Unknown command\n", List.of("web")))
                .hasMessageContaining("Unknown command");
    }
}
