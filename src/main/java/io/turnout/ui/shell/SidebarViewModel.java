package io.turnout.ui.shell;

import io.turnout.docker.ContainerRow;
import io.turnout.target.TargetUri;
import io.turnout.ui.containers.ContainerGroups;
import javafx.beans.property.ReadOnlyLongProperty;

import io.turnout.docker.ContainerSnapshot;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;

/** Targets → stacks → services → containers, from each open host's latest snapshot and connection state. */
public final class SidebarViewModel {

    private record Stacks(ContainerSnapshot snapshot, List<SidebarNode.Tree> trees) { }

    private final HostsModel hosts;
    private final Map<HostEntry, Stacks> stacksByHost = new IdentityHashMap<>();

    public SidebarViewModel(HostsModel hosts) {
        this.hosts = hosts;
    }

    /** Ticks whenever {@link #tree()} may have changed: a host added/removed, a new state or snapshot. */
    public ReadOnlyLongProperty versionProperty() {
        return hosts.revisionProperty();
    }

    public List<SidebarNode.Tree> tree() {
        List<SidebarNode.Tree> out = new ArrayList<>();
        for (HostEntry host : hosts.hosts()) {
            TargetUri target = host.target();
            String t = target.toString();
            ContainerSnapshot snapshot = host.snapshotProperty().get();
            Stacks known = stacksByHost.get(host);
            List<SidebarNode.Tree> stacks = known != null && known.snapshot() == snapshot ? known.trees() : stacks(target, snapshot);
            stacksByHost.put(host, new Stacks(snapshot, stacks));
            out.add(new SidebarNode.Tree(new SidebarNode("t:" + t, SidebarNode.Kind.TARGET, host.label(), target,
                    null, null, null, host.connectionProperty().get()), stacks));
        }
        stacksByHost.keySet().retainAll(hosts.hosts());
        return out;
    }

    /** The stacks subtree of one snapshot; rebuilt only when the host's snapshot changes (not on every ping). */
    private static List<SidebarNode.Tree> stacks(TargetUri target, ContainerSnapshot snapshot) {
        String t = target.toString();
        List<SidebarNode.Tree> stacks = new ArrayList<>();
        for (var stack : ContainerGroups.group(snapshot.rows(), r -> r)) {
                List<SidebarNode.Tree> children = new ArrayList<>();
                for (var service : stack.services()) {
                    children.add(new SidebarNode.Tree(new SidebarNode("v:" + t + "/" + stack.name() + "/" + service.name(),
                            SidebarNode.Kind.SERVICE, service.name(), target, stack.name(), service.name(), null, null),
                            containers(target, service.members())));
                }
                children.addAll(containers(target, stack.loose()));
                stacks.add(new SidebarNode.Tree(new SidebarNode("s:" + t + "/" + stack.name(), SidebarNode.Kind.STACK,
                        stack.name(), target, stack.name(), null, null, null), children));
        }
        return List.copyOf(stacks);
    }

    private static List<SidebarNode.Tree> containers(TargetUri target, List<ContainerRow> rows) {
        return rows.stream().map(r -> new SidebarNode.Tree(new SidebarNode("c:" + r.id(), SidebarNode.Kind.CONTAINER,
                r.name(), target, r.stack(), r.service(), r, null), List.of())).toList();
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
