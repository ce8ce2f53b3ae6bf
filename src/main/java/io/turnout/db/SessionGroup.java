package io.turnout.db;

/**
 * The client sessions sharing one {@code application_name} (then {@code client} is null) or one
 * client address and role (then {@code name} is the role, {@code client} the address or
 * {@code local} for a Unix socket). Blue and green draining shows up here.
 */
public record SessionGroup(String name, String client, StateCounts states) {

    public int total() {
        return states.total();
    }
}
