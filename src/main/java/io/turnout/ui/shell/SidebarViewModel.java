package io.turnout.ui.shell;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.ui.containers.ContainerGroups;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.util.ArrayList;
import java.util.List;

/** Targets → stacks → services → containers, from each host's latest snapshot and connection state. */
public final class SidebarViewModel {

    private final List<TargetUri> targets;
    private final List<ContainerSnapshot> snapshots = new ArrayList<>();
    private final List<ConnectionState> states = new ArrayList<>();
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();

    public SidebarViewModel(List<TargetUri> targets) {
        this.targets = List.copyOf(targets);
        targets.forEach(t -> {
            snapshots.add(ContainerSnapshot.EMPTY);
            states.add(new ConnectionState.Connecting());
        });
    }

    public void applySnapshot(int host, ContainerSnapshot snapshot) {
        snapshots.set(host, snapshot);
        version.set(version.get() + 1);
    }

    public void applyConnection(int host, ConnectionState state) {
        states.set(host, state);
        version.set(version.get() + 1);
    }

    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public List<SidebarNode.Tree> tree() {
        List<SidebarNode.Tree> out = new ArrayList<>();
        for (int h = 0; h < targets.size(); h++) {
            String t = targets.get(h).toString();
            List<SidebarNode.Tree> stacks = new ArrayList<>();
            for (var stack : ContainerGroups.group(snapshots.get(h).rows(), r -> r)) {
                List<SidebarNode.Tree> children = new ArrayList<>();
                for (var service : stack.services()) {
                    children.add(new SidebarNode.Tree(new SidebarNode("v:" + t + "/" + stack.name() + "/" + service.name(),
                            SidebarNode.Kind.SERVICE, service.name(), h, stack.name(), service.name(), null, null),
                            containers(h, service.members())));
                }
                children.addAll(containers(h, stack.loose()));
                stacks.add(new SidebarNode.Tree(new SidebarNode("s:" + t + "/" + stack.name(), SidebarNode.Kind.STACK,
                        stack.name(), h, stack.name(), null, null, null), children));
            }
            out.add(new SidebarNode.Tree(new SidebarNode("t:" + t, SidebarNode.Kind.TARGET, targets.get(h).label(), h,
                    null, null, null, states.get(h)), stacks));
        }
        return out;
    }

    private static List<SidebarNode.Tree> containers(int host, List<ContainerRow> rows) {
        return rows.stream().map(r -> new SidebarNode.Tree(new SidebarNode("c:" + r.id(), SidebarNode.Kind.CONTAINER,
                r.name(), host, r.stack(), r.service(), r, null), List.of())).toList();
    }

    /** Every node, depth first: the palette's jump targets. */
    public List<SidebarNode> flatten() {
        List<SidebarNode> out = new ArrayList<>();
        tree().forEach(t -> flatten(t, out));
        return out;
    }

    private static void flatten(SidebarNode.Tree t, List<SidebarNode> out) {
        out.add(t.node());
        t.children().forEach(c -> flatten(c, out));
    }
}
