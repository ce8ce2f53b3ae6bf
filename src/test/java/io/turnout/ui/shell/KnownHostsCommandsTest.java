package io.turnout.ui.shell;

import io.turnout.profile.ConnectionProfile;
import io.turnout.target.TargetUri;
import io.turnout.ui.common.ImmediateTaskRunner;
import io.turnout.ui.fixtures.KnownHostsFixture;
import io.turnout.ui.shell.PaletteViewModel.Command;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.turnout.ui.fixtures.KnownHostsFixture.PROD;
import static io.turnout.ui.fixtures.KnownHostsFixture.SAVED;
import static io.turnout.ui.fixtures.KnownHostsFixture.STAGING;
import static org.assertj.core.api.Assertions.assertThat;

class KnownHostsCommandsTest {

    private final List<String> connected = new ArrayList<>();
    private final List<String> forgotten = new ArrayList<>();

    private List<Command> commands(List<ConnectionProfile> catalog, String... open) {
        return CatalogCommands.build(catalog, List.of(open).stream().map(TargetUri::parse).toList(),
                p -> connected.add(p.uri()), p -> forgotten.add(p.name()));
    }

    @Test
    void everyKnownHostNotOpenGetsAConnectCommandSayingWhereItGoesAndWhereItWasFound() {
        List<Command> cmds = commands(KnownHostsFixture.all(), "ssh://deploy@prod-1", "unix:///var/run/docker.sock");
        assertThat(cmds).extracting(Command::title).containsExactly(
                "Connect deploy@build-1", "Connect staging-2", "Connect desktop-linux", "Forget saved host deploy@build-1");
        assertThat(cmds).extracting(Command::kind).containsExactly(
                "ssh://deploy@build-1 · saved",
                "deploy@10.0.4.12:2222 · ssh-config …/config:9",
                "unix:///home/op/.docker/run/docker.sock · Docker context",
                "Action · ssh://deploy@build-1");
    }

    @Test
    void anOpenTargetHidesItsConnectCommandButAnotherUserOnAnAliasDoesNotHideASavedProfile() {
        assertThat(commands(List.of(PROD), "ssh://prod-1")).isEmpty();
        assertThat(commands(List.of(PROD), "ssh://root@prod-1:2200")).as("the alias is the machine that is open").isEmpty();
        assertThat(commands(List.of(SAVED), "ssh://root@build-1")).extracting(Command::title)
                .contains("Connect deploy@build-1");
        assertThat(commands(List.of(new ConnectionProfile("broken", "ftp://x", null, null, -1, List.of(), null, "profiles"))))
                .extracting(Command::title).containsExactly("Forget saved host broken");
    }

    @Test
    void runningTheCommandsConnectsOrForgetsThatEntry() {
        List<Command> cmds = commands(List.of(SAVED, STAGING));
        cmds.stream().filter(c -> c.title().equals("Connect staging-2")).findFirst().orElseThrow().run().run();
        cmds.stream().filter(c -> c.title().startsWith("Forget")).findFirst().orElseThrow().run().run();
        assertThat(connected).containsExactly("ssh://staging-2");
        assertThat(forgotten).containsExactly("deploy@build-1");
    }

    @Test
    void knownHostsLoadThroughTheRunnerForgetReReadsAndAnUnchangedCatalogDoesNotDisturbThePalette() {
        List<ConnectionProfile> profiles = new ArrayList<>(KnownHostsFixture.all());
        List<String> removed = new ArrayList<>();
        KnownHosts known = new KnownHosts(() -> List.copyOf(profiles), name -> {
            removed.add(name);
            profiles.removeIf(p -> p.name().equals(name));
        }, new ImmediateTaskRunner());
        AtomicInteger changes = new AtomicInteger();
        known.entries().subscribe(changes::incrementAndGet);

        known.refresh();
        assertThat(known.entries()).hasSize(5);
        known.refresh();
        assertThat(changes).as("same catalog, no change event").hasValue(1);

        known.forget(SAVED);
        assertThat(removed).containsExactly("deploy@build-1");
        assertThat(known.entries()).doesNotContain(SAVED).hasSize(4);
    }

    @Test
    void anUnreadableCatalogKeepsWhatWasKnown() {
        List<List<ConnectionProfile>> answers = new ArrayList<>(List.of(List.of(PROD)));
        KnownHosts known = new KnownHosts(() -> {
            if (answers.isEmpty()) {
                throw new java.io.UncheckedIOException(new java.io.IOException("profiles.json: unexpected end"));
            }
            return answers.removeFirst();
        }, name -> { }, new ImmediateTaskRunner());
        known.refresh();
        known.refresh();
        assertThat(known.entries()).containsExactly(PROD);
    }

    @Test
    void paletteReloadKeepsTheQueryAndOpenRefreshesSlowSources() {
        List<Command> source = new ArrayList<>(List.of(new Command("Toggle theme", "Action", () -> { })));
        AtomicInteger opened = new AtomicInteger();
        PaletteViewModel vm = new PaletteViewModel(() -> source, opened::incrementAndGet);
        vm.open();
        vm.queryProperty().set("staging");
        assertThat(vm.results()).isEmpty();
        source.add(new Command("Connect staging-2", "deploy@10.0.4.12:2222 · ssh-config …/config:9", () -> { }));
        vm.reload();
        assertThat(vm.queryProperty().get()).isEqualTo("staging");
        assertThat(vm.results()).extracting(Command::title).containsExactly("Connect staging-2");
        assertThat(opened).hasValue(1);
    }
}
