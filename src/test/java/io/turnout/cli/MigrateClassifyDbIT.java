package io.turnout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.connect.HostCatalog;
import io.turnout.connect.HostConnector;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.testing.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@code migrate classify --db} against the sandbox PostgreSQL: the server's version and column types drive the verdict. */
class MigrateClassifyDbIT {

    @TempDir Path dir;
    private DbUrl admin;
    private DbUrl target;
    private final String database = "turnout_classify_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));

    @BeforeEach
    void createDatabase() throws Exception {
        admin = DbUrl.parse(Sandbox.pgUrl());
        try (Connection c = DbConnector.direct().open(admin, "turnout-classify-it"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        target = admin.withDatabase(database);
        try (Connection c = DbConnector.direct().open(target, "turnout-classify-it"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(20), score integer)");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = DbConnector.direct().open(admin, "turnout-classify-it"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void serverVersionAndColumnTypesDecideTheRewrite() throws Exception {
        Path f = Files.writeString(dir.resolve("V5__types.sql"), """
                SET lock_timeout = '2s';
                ALTER TABLE accounts ALTER COLUMN name TYPE varchar(200);
                ALTER TABLE accounts ALTER COLUMN score TYPE bigint;
                ALTER TABLE accounts ADD COLUMN status text DEFAULT 'new';
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(noHosts(), new PrintWriter(out, true), new PrintWriter(err, true))
                .run("migrate", "classify", f.toString(), "--db", target.jdbcUrl(), "--format", "json");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isEqualTo(ExitCode.OK);
        JsonNode ops = new ObjectMapper().readTree(out.toString()).get(0).get("operations");
        assertThat(ops.get(1).get("rewrites").asText()).as("varchar(20) -> varchar(200)").isEqualTo("no");
        assertThat(ops.get(2).get("rewrites").asText()).as("integer -> bigint").isEqualTo("yes");
        assertThat(ops.get(3).get("rewrites").asText()).as("constant default on the sandbox's PG 15").isEqualTo("no");
    }

    private static CliServices noHosts() {
        return new CliServices() {
            @Override public HostCatalog catalog(Path sshConfig) { return List::of; }
            @Override public HostConnector connector(Path s, io.turnout.ssh.HostKeyPrompt k, io.turnout.ssh.SecretPrompt p) { return fail("no host"); }
            @Override public int openGui(Path sshConfig, List<String> hosts) { return fail("not used"); }
            @Override public DemoTarget prepareDemo(Path sshConfig) { return fail("not used"); }
        };
    }
}
