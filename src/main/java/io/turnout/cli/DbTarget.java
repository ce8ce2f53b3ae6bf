package io.turnout.cli;

import picocli.CommandLine.Option;

/** Where a database verb works: a bare JDBC URL, or a stack whose turnout.yml has a database section. */
final class DbTarget {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "jdbc:postgresql://host:port/db?user=u (password from PGPASSWORD or ~/.pgpass). With --host: as seen from that host.")
    String db;

    @Option(names = {"-H", "--host"}, paramLabel = "URI", description = "The Docker host (ssh://...): the database is reached through its SSH tunnel.")
    String host;

    @Option(names = {"-s", "--stack"}, paramLabel = "NAME", description = "The stack whose turnout.yml names the database (and its router).")
    String stack;

    boolean given() {
        return db != null || host != null || stack != null;
    }
}
