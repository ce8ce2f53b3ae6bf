package io.turnout.release;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.stack.Color;
import io.turnout.stack.Release;
import io.turnout.stack.Snapshot;
import io.turnout.stack.StackState;

import java.util.List;
import java.util.Map;

/**
 * Takes a running compose container over as the blue color of its service: renames it to the blue
 * name (compose tracks its containers by label, not by name) and joins it to the stack's network so
 * the router reaches it. It keeps running throughout; compensation gives the name back.
 */
final class AdoptContainerStep implements Step {

    private final ReleaseContext ctx;
    private final String service;
    private final String containerId;
    private final Release release;
    private String originalName;

    AdoptContainerStep(ReleaseContext ctx, String service, String containerId, Release release) {
        this.ctx = ctx;
        this.service = service;
        this.containerId = containerId;
        this.release = release;
    }

    @Override
    public String id() {
        return "adopt-" + service;
    }

    @Override
    public String title() {
        return "Adopt " + containerId.substring(0, 12) + " (" + release.image() + ") as " + service + " blue";
    }

    @Override
    public List<String> details() {
        return List.of("renamed to " + ctx.spec.containerName(service, Color.BLUE) + ", joins network " + ctx.spec.network()
                + "; it keeps serving throughout");
    }

    @Override
    public void precheck(StepContext sc) {
        if (ctx.containers.inspect(service, Color.BLUE).filter(c -> !c.getId().equals(containerId)).isPresent()) {
            throw new IllegalStateException("A different container is already named " + ctx.spec.containerName(service, Color.BLUE) + ".");
        }
    }

    @Override
    public void apply(StepContext sc) {
        InspectContainerResponse c = ctx.host.docker().inspectContainerCmd(containerId).exec();
        originalName = c.getName().replaceFirst("^/", "");
        String blue = ctx.spec.containerName(service, Color.BLUE);
        if (!originalName.equals(blue)) {
            ctx.host.docker().renameContainerCmd(containerId).withName(blue).exec();
        }
        ctx.containers.ensureNetwork();
        Map<String, ?> networks = c.getNetworkSettings().getNetworks();
        if (networks == null || !networks.containsKey(ctx.spec.network())) {
            ctx.host.docker().connectToNetworkCmd().withNetworkId(ctx.spec.network()).withContainerId(containerId).exec();
        }
        ctx.repo.saveSnapshot(new Snapshot(release, ctx.spec.service(service)));
        ctx.updateState(s -> s.with(service, s.service(service).orElse(new StackState.ServiceState(null, Map.of()))
                .withRelease(Color.BLUE, release)));
        sc.log("Adopted " + originalName + " as " + blue + ".");
    }

    @Override
    public void compensate(StepContext sc) {
        try {
            ctx.host.docker().disconnectFromNetworkCmd().withNetworkId(ctx.spec.network()).withContainerId(containerId).exec();
        } catch (RuntimeException e) {
            // was not connected
        }
        if (originalName != null && !originalName.equals(ctx.spec.containerName(service, Color.BLUE))) {
            ctx.host.docker().renameContainerCmd(containerId).withName(originalName).exec();
        }
        ctx.updateState(s -> s.with(service, null));
    }
}
