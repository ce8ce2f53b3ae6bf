package io.turnout.docker;

/** A container port, published on {@code hostIp:hostPort} when {@code hostPort > 0}. */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {

    @Override
    public String toString() {
        String inner = containerPort + "/" + protocol;
        return hostPort > 0 ? (hostIp == null || hostIp.isEmpty() ? "" : hostIp + ":") + hostPort + "→" + inner : inner;
    }
}
