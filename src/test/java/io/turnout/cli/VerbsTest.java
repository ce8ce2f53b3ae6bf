package io.turnout.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class VerbsTest {

    @Test
    void eachVerbIsRegisteredUnderItsOwnCommandName() {
        var names = Verbs.needed("--help").stream()
                .map(Supplier::get)
                .map(command -> command.getClass().getAnnotation(CommandLine.Command.class).name())
                .toList();
        assertThat(names).isEqualTo(Verbs.names());
    }

    @Test
    void anInvocationBuildsOnlyTheVerbItNames() {
        assertThat(Verbs.needed("ps", "--host", "local")).hasSize(1).first()
                .satisfies(verb -> assertThat(verb.get()).isInstanceOf(PsCommand.class));
        assertThat(Verbs.needed("--debug", "--ssh-config", "cfg", "migrate", "classify", "x.sql")).hasSize(1).first()
                .satisfies(verb -> assertThat(verb.get()).isInstanceOf(MigrateCommand.class));
    }

    @Test
    void theValueOfSshConfigIsNotTakenForAVerb() {
        assertThat(Verbs.needed("--ssh-config", "ps", "hosts")).hasSize(1).first()
                .satisfies(verb -> assertThat(verb.get()).isInstanceOf(HostsCommand.class));
    }

    @Test
    void helpAndUnknownWordsGetEveryVerbAndNoVerbGetsNone() {
        assertThat(Verbs.needed("--help")).hasSize(Verbs.names().size());
        assertThat(Verbs.needed("ps", "--help")).hasSize(1);
        assertThat(Verbs.needed("deploy")).hasSize(Verbs.names().size());
        assertThat(Verbs.needed("--version")).isEmpty();
        assertThat(Verbs.needed()).isEmpty();
    }
}
