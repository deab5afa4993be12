package dev.aetransfer.cli;

import picocli.CommandLine.Command;

/** {@code aetransfer data}: looks at data before training on it; a subcommand is required. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Look at a dataset before training on it.",
        subcommands = {DescribeCommand.class})
final class DataCommand {}
