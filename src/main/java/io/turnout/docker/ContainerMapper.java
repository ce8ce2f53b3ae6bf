package io.turnout.docker;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Maps docker-java's list and inspect models to Turnout's rows and details. Pure; no I/O. */
public final class ContainerMapper {

    private static final Comparator<PortMapping> PORT_ORDER = Comparator.comparingInt(PortMapping::containerPort)
            .thenComparing(PortMapping::protocol).thenComparingInt(PortMapping::hostPort)
            .thenComparing(p -> Objects.toString(p.hostIp(), ""));

    private final SecretMasker masker;

    public ContainerMapper(SecretMasker masker) {
        this.masker = masker;
    }

    /** A row from the list API: no restart count or start time there (0 and null). */
    public ContainerRow fromList(Container c) {
        Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
        List<PortMapping> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                ports.add(new PortMapping(p.getIp(), p.getPublicPort() == null ? 0 : p.getPublicPort(),
                        p.getPrivatePort() == null ? 0 : p.getPrivatePort(), p.getType() == null ? "tcp" : p.getType()));
            }
        }
        return new ContainerRow(c.getId(), name(c.getNames()), c.getImage(), c.getState(), healthFromStatus(c.getStatus()),
                Labels.stack(labels), Labels.service(labels), Labels.color(labels), sortedDistinct(ports), 0,
                c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated()), null, c.getStatus());
    }

    /** A row from inspect: carries restart count and start time; status is derived (no durations). */
    public ContainerRow fromInspect(InspectContainerResponse r) {
        ContainerConfig config = r.getConfig();
        Map<String, String> labels = config == null || config.getLabels() == null ? Map.of() : config.getLabels();
        ContainerState s = r.getState();
        String state = s == null ? "unknown" : Objects.requireNonNullElse(s.getStatus(), "unknown");
        Health health = s == null || s.getHealth() == null ? Health.NONE : Health.fromDocker(s.getHealth().getStatus());
        String image = config != null && config.getImage() != null ? config.getImage() : r.getImageId();
        return new ContainerRow(r.getId(), stripSlash(r.getName()), image, state, health,
                Labels.stack(labels), Labels.service(labels), Labels.color(labels), ports(r),
                r.getRestartCount() == null ? 0 : r.getRestartCount(), DockerTime.parse(r.getCreated()),
                s == null ? null : DockerTime.parse(s.getStartedAt()), status(state, exitCode(s), health));
    }

    public ContainerDetails details(InspectContainerResponse r) {
        ContainerConfig config = r.getConfig();
        ContainerState s = r.getState();
        List<ContainerDetails.EnvVar> env = new ArrayList<>();
        if (config != null && config.getEnv() != null) {
            for (String kv : config.getEnv()) {
                int eq = kv.indexOf('=');
                String name = eq < 0 ? kv : kv.substring(0, eq);
                SecretMasker.Masked m = masker.mask(name, eq < 0 ? "" : kv.substring(eq + 1));
                env.add(new ContainerDetails.EnvVar(name, m.value(), m.masked()));
            }
        }
        Map<String, String> labels = config == null || config.getLabels() == null ? Map.of() : new TreeMap<>(config.getLabels());
        List<String> networks = r.getNetworkSettings() == null || r.getNetworkSettings().getNetworks() == null
                ? List.of() : List.copyOf(new TreeMap<>(r.getNetworkSettings().getNetworks()).keySet());
        List<String> mounts = r.getMounts() == null ? List.of() : r.getMounts().stream()
                .map(m -> (m.getName() != null && !m.getName().isEmpty() ? m.getName() : m.getSource()) + " → "
                        + (m.getDestination() == null ? "?" : m.getDestination().getPath())
                        + (Boolean.FALSE.equals(m.getRW()) ? " (ro)" : ""))
                .toList();
        String state = s == null ? "unknown" : Objects.requireNonNullElse(s.getStatus(), "unknown");
        Integer exitCode = "running".equals(state) || "created".equals(state) ? null : exitCode(s);
        return new ContainerDetails(fromInspect(r), r.getImageId(), command(r), exitCode, List.copyOf(env),
                Map.copyOf(labels), networks, mounts, healthLog(s == null ? null : s.getHealth()));
    }

    static Health healthFromStatus(String status) {
        if (status == null) {
            return Health.NONE;
        }
        if (status.contains("(healthy)")) {
            return Health.HEALTHY;
        }
        if (status.contains("(unhealthy)")) {
            return Health.UNHEALTHY;
        }
        if (status.contains("(health: starting)")) {
            return Health.STARTING;
        }
        return Health.NONE;
    }

    /** Like Docker's status column without the durations (those go stale; the UI renders them from startedAt). */
    static String status(String state, Integer exitCode, Health health) {
        String suffix = switch (health) {
            case HEALTHY -> " (healthy)";
            case UNHEALTHY -> " (unhealthy)";
            case STARTING -> " (health: starting)";
            case NONE -> "";
        };
        return switch (state) {
            case "running" -> "Up" + suffix;
            case "paused" -> "Up (Paused)";
            case "restarting" -> "Restarting (" + (exitCode == null ? "?" : exitCode) + ")";
            case "exited" -> "Exited (" + (exitCode == null ? "?" : exitCode) + ")";
            case "created" -> "Created";
            case "removing" -> "Removal In Progress";
            case "dead" -> "Dead";
            default -> state;
        };
    }

    private static Integer exitCode(ContainerState s) {
        if (s == null) {
            return null;
        }
        Long code = s.getExitCodeLong();
        return code == null ? null : code.intValue();
    }

    private static List<ContainerDetails.HealthProbe> healthLog(HealthState health) {
        if (health == null || health.getLog() == null) {
            return List.of();
        }
        List<ContainerDetails.HealthProbe> out = new ArrayList<>();
        for (HealthStateLog l : health.getLog()) {
            Long code = l.getExitCodeLong();
            out.add(new ContainerDetails.HealthProbe(DockerTime.parse(l.getStart()), DockerTime.parse(l.getEnd()),
                    code == null ? -1 : code.intValue(), l.getOutput() == null ? "" : l.getOutput()));
        }
        return List.copyOf(out);
    }

    private static String command(InspectContainerResponse r) {
        List<String> parts = new ArrayList<>();
        if (r.getPath() != null && !r.getPath().isEmpty()) {
            parts.add(r.getPath());
        }
        if (r.getArgs() != null) {
            parts.addAll(Arrays.asList(r.getArgs()));
        }
        return String.join(" ", parts.stream().map(ContainerMapper::quoteIfNeeded).toList());
    }

    private static String quoteIfNeeded(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) ? "'" + arg.replace("'", "'\\''") + "'" : arg;
    }

    private static List<PortMapping> ports(InspectContainerResponse r) {
        List<PortMapping> out = new ArrayList<>();
        Ports ports = r.getNetworkSettings() == null ? null : r.getNetworkSettings().getPorts();
        if (ports != null && ports.getBindings() != null) {
            for (Map.Entry<ExposedPort, Ports.Binding[]> e : ports.getBindings().entrySet()) {
                ExposedPort ep = e.getKey();
                String proto = ep.getProtocol() == null ? "tcp" : ep.getProtocol().toString();
                if (e.getValue() == null || e.getValue().length == 0) {
                    out.add(new PortMapping(null, 0, ep.getPort(), proto));
                    continue;
                }
                for (Ports.Binding b : e.getValue()) {
                    out.add(new PortMapping(b.getHostIp(), parsePort(b.getHostPortSpec()), ep.getPort(), proto));
                }
            }
        }
        return sortedDistinct(out);
    }

    private static int parsePort(String spec) {
        if (spec == null || spec.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(spec.contains("-") ? spec.substring(0, spec.indexOf('-')) : spec);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<PortMapping> sortedDistinct(List<PortMapping> ports) {
        return ports.stream().distinct().sorted(PORT_ORDER).toList();
    }

    private static String name(String[] names) {
        if (names == null || names.length == 0) {
            return "";
        }
        // linked containers list extra names like /other/alias; the real name has a single slash
        for (String n : names) {
            if (n.lastIndexOf('/') == 0) {
                return n.substring(1);
            }
        }
        return stripSlash(names[0]);
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : Objects.requireNonNullElse(name, "");
    }
}
