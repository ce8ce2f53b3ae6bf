package io.turnout.ui.shell;

import io.turnout.target.TargetUri;
import io.turnout.ui.shell.PaletteViewModel.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the command palette offers: actions first, then a jump to every sidebar node, logs for
 * every container and "Remove host" for every open host.
 */
final class PaletteCommands {

    private PaletteCommands() {
    }

    static List<Command> build(SidebarViewModel sidebar, Consumer<SidebarNode> open, Navigator nav, Runnable toggleTheme,
                               Runnable addHost, Runnable toggleActivity, Consumer<TargetUri> removeHost) {
        List<Command> out = new ArrayList<>(List.of(
                new Command("Add host…", "Action", addHost),
                new Command("Toggle theme", "Action", toggleTheme),
                new Command("Toggle activity drawer", "Action", toggleActivity),
                new Command("Close tab", "Action", nav::closeSelectedTab)));
        List<Command> logs = new ArrayList<>();
        List<Command> removals = new ArrayList<>();
        List<Command> dashboards = new ArrayList<>();
        for (SidebarNode node : sidebar.flatten()) {
            String kind = switch (node.kind()) {
                case TARGET -> "Host";
                case STACK -> "Stack";
                case SERVICE -> "Service · " + node.stack();
                case CONTAINER -> "Container";
            };
            out.add(new Command(node.label(), kind, () -> open.accept(node)));
            if (node.kind() == SidebarNode.Kind.STACK && nav.hasDashboards()) {
                dashboards.add(new Command("Dashboard: " + node.label(), "Action", () -> nav.openDashboard(node.target(), node.stack())));
            }
            if (node.kind() == SidebarNode.Kind.CONTAINER) {
                logs.add(new Command("Open logs: " + node.label(), "Action", () -> nav.openContainer(node.target(), node.row(), true)));
            } else if (node.kind() == SidebarNode.Kind.TARGET) {
                removals.add(new Command("Remove host " + node.label(), "Action", () -> removeHost.accept(node.target())));
            }
        }
        out.addAll(dashboards);
        out.addAll(logs);
        out.addAll(removals);
        return out;
    }
}
