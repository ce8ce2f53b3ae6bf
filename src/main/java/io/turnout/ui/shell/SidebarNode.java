package io.turnout.ui.shell;

import io.turnout.docker.ContainerRow;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;

/**
 * One row of the sidebar tree. {@code key} is stable across snapshots ("t:", "s:", "v:", "c:"
 * prefixes) so the keyed tree diff keeps selection and expansion; {@code target} names the host
 * the node belongs to.
 */
public record SidebarNode(String key, Kind kind, String label, TargetUri target, String stack, String service,
                          ContainerRow row, ConnectionState connection) {

    public enum Kind { TARGET, STACK, SERVICE, CONTAINER }

    /** A node and its children, as the view-model builds them; the controller mirrors this into TreeItems. */
    public record Tree(SidebarNode node, java.util.List<Tree> children) { }
}
