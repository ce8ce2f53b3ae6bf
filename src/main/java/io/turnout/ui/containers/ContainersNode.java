package io.turnout.ui.containers;

/** A row of the containers tree: a stack or service group, or one container. */
public sealed interface ContainersNode permits ContainersNode.Group, ContainerItem {

    /** Stable identity across snapshots, used by the keyed tree diff. */
    String key();

    /** A stack or service heading; {@code summary} like "2/3 running · 1 unhealthy". */
    record Group(String key, String title, String summary) implements ContainersNode { }
}
