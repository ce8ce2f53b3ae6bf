package io.turnout.connect;

import io.turnout.profile.ConnectionProfile;

import java.util.List;

/** Every target the operator can pick: saved profiles, ssh-config aliases, Docker contexts, local. */
public interface HostCatalog {

    List<ConnectionProfile> all();
}
