package dev.aetransfer.cli;

import dev.aetransfer.Versions;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code aetransfer} command and its exit codes: 0 success, 1 failure, 2 bad usage or input.
 */
@Command(
        name = "aetransfer",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Pretrain autoencoders and VAEs, adapt them to a small dataset, compare.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            DataCommand.class,
            PretrainCommand.class,
            FinetuneCommand.class,
            CompareCommand.class,
            EvaluateCommand.class,
            EncodeCommand.class,
            ReconstructCommand.class,
            InspectCommand.class,
            BenchCommand.class
        })
public final class Main {

    /** Exit code of a run that failed while working. */
    public static final int FAILURE = 1;

    /** Exit code of bad usage or bad input; the message names the option or file. */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(
                run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; never exits. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /** The configured command line: streams, exit codes and the mapping of errors to them. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }

    /** Prints the versions of aetransfer and the engine it was built with. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "aetransfer " + Versions.aetransfer(),
                "DJL " + Versions.djl() + ", PyTorch " + Versions.pytorch()
            };
        }
    }
}
