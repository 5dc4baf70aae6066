package dev.tollgate.runner;

import dev.tollgate.api.RulesException;
import dev.tollgate.engine.BuildInfo;
import dev.tollgate.inputs.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code tollgate} command line. Exit codes: 0 the gate passes (warnings allowed), 1 the gate
 * fails, 2 a usage or input error (one line naming the file and position; a stack trace only with
 * {@code --debug}).
 */
@Command(name = "tollgate", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Supply-chain and CI policy gate for Cargo workspaces.",
        subcommands = {CheckCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (check, explain)");
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Cli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("tollgate: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean debug = parsed.hasMatchedOption("--debug");
            if (ex instanceof InputException || ex instanceof UsageException) {
                err.println("tollgate: " + ex.getMessage());
            } else if (ex instanceof RulesException re) {
                for (RulesException.Problem p : re.problems()) err.println("tollgate: " + p);
            } else {
                err.println("tollgate: internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
            }
            if (debug) ex.printStackTrace(err);
            err.flush();
            return USAGE;
        });
        return cli.execute(args);
    }

    /** A usage error found after parsing (an unknown policy id, say): exit 2 with one line. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"tollgate " + BuildInfo.tollgateVersion() + " (Drools " + BuildInfo.droolsVersion()
                    + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
