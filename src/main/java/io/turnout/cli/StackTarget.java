package io.turnout.cli;

import picocli.CommandLine.Option;

/** The options every stack verb shares: where and which stack. */
final class StackTarget {

    @Option(names = {"-H", "--host"}, required = true, paramLabel = "URI",
            description = "ssh://[user@]host[:port], an ssh alias, a profile, unix:///path or 'local'.")
    String host;

    @Option(names = {"-s", "--stack"}, required = true, paramLabel = "NAME", description = "The stack on that host.")
    String stack;
}
