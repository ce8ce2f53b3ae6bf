package io.turnout.ui.connect;

import io.turnout.profile.ConnectionProfile;
import io.turnout.target.TargetUri;
import io.turnout.ui.fixtures.KnownHostsFixture;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import static io.turnout.ui.fixtures.KnownHostsFixture.CONTEXT;
import static io.turnout.ui.fixtures.KnownHostsFixture.STAGING;
import static org.assertj.core.api.Assertions.assertThat;

class AddHostViewModelTest {

    private final ObservableList<ConnectionProfile> catalog = FXCollections.observableArrayList(KnownHostsFixture.all());
    private final AddHostViewModel vm = new AddHostViewModel(catalog);

    @Test
    void suggestionsAreEveryKnownHostThenThoseMatchingNameUriOrHostName() {
        assertThat(vm.suggestions()).hasSize(5);
        vm.uriProperty().set("STAG");
        assertThat(vm.suggestions()).containsExactly(STAGING);
        vm.uriProperty().set("10.0.4");
        assertThat(vm.suggestions()).extracting(ConnectionProfile::name).containsExactly("prod-1", "staging-2");
        vm.uriProperty().set("ssh://nowhere");
        assertThat(vm.suggestions()).isEmpty();
    }

    @Test
    void aChosenKnownHostConnectsItsCatalogUriAndIsNotRememberedAgain() {
        vm.choose(CONTEXT);
        assertThat(vm.uriProperty().get()).isEqualTo("desktop-linux");
        assertThat(vm.knownProperty().get()).isEqualTo(CONTEXT);
        assertThat(vm.acceptable().get()).isTrue();
        AddHostRequest r = vm.request();
        assertThat(r.target()).isEqualTo(TargetUri.parse("unix:///home/op/.docker/run/docker.sock"));
        assertThat(r.remember()).as("already known: nothing to remember").isFalse();

        vm.uriProperty().set("ssh://staging-2");
        assertThat(vm.knownProperty().get()).as("the exact target of an alias is that alias").isEqualTo(STAGING);
        assertThat(vm.request().remember()).isFalse();
    }

    @Test
    void aNewHostIsRememberedUnlessTheOperatorUnticksIt() {
        vm.uriProperty().set("ssh://root@new-1:2200");
        vm.socketProperty().set("/run/docker.sock");
        assertThat(vm.knownProperty().get()).isNull();
        AddHostRequest r = vm.request();
        assertThat(r.remember()).isTrue();
        assertThat(r.profileName()).isEqualTo("root@new-1:2200");
        assertThat(r.target().toString()).isEqualTo("ssh://root@new-1:2200?socket=/run/docker.sock");

        vm.rememberProperty().set(false);
        assertThat(vm.request().remember()).isFalse();
    }

    @Test
    void problemsAreSentencesAndAKnownNameIsCheckedAgainstItsOwnUri() {
        vm.uriProperty().set("ftp://x");
        assertThat(vm.problemProperty().get()).contains("unsupported scheme");
        assertThat(vm.acceptable().get()).isFalse();
        vm.uriProperty().set("desktop-linux");
        vm.socketProperty().set("/var/run/docker.sock");
        assertThat(vm.problemProperty().get()).contains("only applies to ssh://");
    }

    @Test
    void aCatalogArrivingLaterIsSuggestedAndRecognised() {
        ObservableList<ConnectionProfile> later = FXCollections.observableArrayList();
        AddHostViewModel v = new AddHostViewModel(later);
        v.uriProperty().set("staging-2");
        assertThat(v.knownProperty().get()).isNull();
        later.setAll(KnownHostsFixture.all());
        assertThat(v.knownProperty().get()).isEqualTo(STAGING);
        assertThat(v.suggestions()).containsExactly(STAGING);
        v.close();
        later.clear();
        assertThat(v.knownProperty().get()).as("closed: no longer follows the catalog").isEqualTo(STAGING);
    }

    @Test
    void profileNamesNeverHideTheAliasTheyPointAt() {
        assertThat(AddHostRequest.parse("ssh://deploy@prod-1", null).profileName()).isEqualTo("deploy@prod-1");
        assertThat(AddHostRequest.parse("tcp://10.0.0.5:2376", null).profileName()).isEqualTo("10.0.0.5:2376");
        assertThat(AddHostRequest.parse("unix:///run/user/1000/docker.sock", null).profileName())
                .isEqualTo("unix:///run/user/1000/docker.sock");
        assertThat(KnownHostText.source(new ConnectionProfile("x", "ssh://x", null, null, -1, null, null, "ssh-config:null")))
                .isEqualTo("ssh-config");
    }
}
