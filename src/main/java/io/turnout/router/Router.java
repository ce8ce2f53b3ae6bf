package io.turnout.router;

import io.turnout.stack.Color;

import java.util.List;
import java.util.Map;

/**
 * Decides which color gets traffic. One small interface, several adapters (HAProxy and nginx on
 * Docker hosts; later a Kubernetes Service selector, Istio weights, Argo Rollouts). All methods
 * block; none is called on the FX thread.
 */
public interface Router {

    /** {@code haproxy}, {@code nginx}, ... for messages and the history. */
    String kind();

    /** What the router does now, read from the router itself (not from Turnout's records). */
    RoutingTable current();

    /** Lines describing the change from {@link #current()} to {@code desired}, for plan previews; empty if none. */
    List<String> diff(RoutingTable desired);

    /**
     * Makes the router do {@code desired}: validated first (a rejected config changes nothing and
     * throws {@link RouterException}), switched atomically where the router allows, drained
     * colors finish their in-flight requests, and persisted so a router restart keeps it.
     */
    void apply(RoutingTable desired);

    /** The router's own view of each color's backend, per routed service. */
    Map<String, Map<Color, BackendCheck>> checks();

    /** Whether the router process answers its admin interface. */
    boolean healthy();
}
