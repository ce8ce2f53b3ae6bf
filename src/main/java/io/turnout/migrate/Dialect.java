package io.turnout.migrate;

/** The SQL dialect a migration is written in. PostgreSQL is classified and verified; MySQL is split and classified statically. */
public enum Dialect {
    POSTGRESQL, MYSQL
}
