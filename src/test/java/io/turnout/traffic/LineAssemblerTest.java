package io.turnout.traffic;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineAssemblerTest {

    @Test
    void joinsLinesSplitAcrossFramesAndSplitsFramesWithSeveralLines() {
        List<String> lines = new ArrayList<>();
        LineAssembler a = new LineAssembler(lines::add);

        a.accept("one\ntw".getBytes(StandardCharsets.UTF_8));
        a.accept("o\nthree\nfo".getBytes(StandardCharsets.UTF_8));
        a.accept("ur".getBytes(StandardCharsets.UTF_8));

        assertThat(lines).containsExactly("one", "two", "three");
        a.accept("\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly("one", "two", "three", "four");
    }
}
