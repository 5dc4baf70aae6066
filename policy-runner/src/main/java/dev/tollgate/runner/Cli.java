package dev.tollgate.runner;

import dev.tollgate.api.EvaluationException;
import dev.tollgate.api.RulesException;
import dev.tollgate.engine.BuildInfo;
import dev.tollgate.inputs.InputException;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.AmbiguousOptionException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tollgate} command line. Exit codes: 0 the gate passes (warnings allowed), 1 the gate
 * fails, 2 a usage or input error (one line naming the file and position; a stack trace only with
 * {@code --debug}).
 *
 * <p>Options are parsed with Apache Commons CLI, not picocli: picocli 4.7 ships Java 5 class files,
 * which class-data sharing cannot archive, so its ~190 classes cost about 180 ms of every cold run
 * (a third of the start-up budget); Commons CLI costs about 12 ms (docs/performance.md).
 */
public final class Cli {
    public static final int PASS = 0;
    public static final int FAIL = 1;
    public static final int USAGE = 2;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new CheckCommand(), new ExplainCommand(), new RulesCheckCommand(), new RulesTestCommand(), new AdvisoriesScanCommand(), new PlanAffectedCommand(), new PlanReleaseCommand())) COMMANDS.put(c.name(), c);
    }

    private Cli() {
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            return dispatch(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(PrintWriter out, PrintWriter err, String[] args) {
        if (args.length == 0) {
            err.println("tollgate: a command is required");
            printCommands(err);
            return USAGE;
        }
        String first = args[0];
        if (first.equals("--version") || first.equals("-V")) {
            out.println(version());
            return PASS;
        }
        if (first.equals("--help") || first.equals("-h")) {
            printCommands(out);
            return PASS;
        }
        if (first.equals("help")) {
            String asked = args.length > 2 && COMMANDS.containsKey(args[1] + " " + args[2]) ? args[1] + " " + args[2]
                    : args.length > 1 ? args[1] : "";
            if (COMMANDS.containsKey(asked)) {
                printHelp(COMMANDS.get(asked), out);
                return PASS;
            }
            printCommands(out);
            return args.length > 1 ? usage(err, "unknown command `" + args[1] + "`", "tollgate --help") : PASS;
        }
        // Commands are one word (`check`) or a group and a word (`plan affected`, `rules test`).
        Command command = COMMANDS.get(first);
        int words = 1;
        if (command == null && args.length > 1 && COMMANDS.containsKey(first + " " + args[1])) {
            command = COMMANDS.get(first + " " + args[1]);
            words = 2;
        }
        if (command == null) {
            List<String> group = COMMANDS.keySet().stream().filter(n -> n.startsWith(first + " ")).toList();
            if (!group.isEmpty()) {
                String which = args.length > 1 ? "unknown command `" + first + " " + args[1] + "`" : "`" + first + "` needs a subcommand";
                return usage(err, which + "; use " + String.join(", ", group), "tollgate --help");
            }
            return usage(err, first.startsWith("-") ? "unknown option `" + first + "`" : "unknown command `" + first + "`",
                    "tollgate --help");
        }
        String[] rest = Arrays.copyOfRange(args, words, args.length);
        CommandLine line;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(command.allOptions(), rest);
        } catch (ParseException e) {
            return usage(err, describe(e), "tollgate " + command.name() + " --help");
        }
        if (line.hasOption("help")) {
            printHelp(command, out);
            return PASS;
        }
        boolean debug = line.hasOption("debug");
        try {
            return command.run(line, out, err);
        } catch (UsageException e) {
            return usage(err, e.getMessage(), "tollgate " + command.name() + " --help");
        } catch (InputException e) {
            err.println("tollgate: " + e.getMessage());
            if (debug) e.printStackTrace(err);
            return USAGE;
        } catch (RulesException e) {
            for (RulesException.Problem p : e.problems()) err.println("tollgate: " + p);
            if (debug) e.printStackTrace(err);
            return USAGE;
        } catch (EvaluationException e) {
            // no verdict: a rule did not return within the budget, or the rules exhausted the memory
            err.println("tollgate: " + e.getMessage());
            if (debug) e.printStackTrace(err);
            return USAGE;
        } catch (VirtualMachineError e) {
            // out of memory (or stack) outside the rules: one line, never a stack trace, never "the gate fails"
            err.println("tollgate: the run ended without a verdict: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; raise the heap (-Xmx) or report the input that caused it");
            return USAGE;
        } catch (Exception | LinkageError e) {
            err.println("tollgate: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) e.printStackTrace(err);
            return USAGE;
        }
    }

    private static String describe(ParseException e) {
        if (e instanceof UnrecognizedOptionException u) return "unknown option `" + u.getOption() + "`";
        if (e instanceof MissingArgumentException m) {
            Option o = m.getOption();
            return "option `--" + o.getLongOpt() + "` needs a value (" + o.getArgName() + ")";
        }
        if (e instanceof AmbiguousOptionException a) return "ambiguous option `" + a.getOption() + "`";
        if (e instanceof AlreadySelectedException) return e.getMessage();
        return e.getMessage();
    }

    private static int usage(PrintWriter err, String message, String helpCommand) {
        err.println("tollgate: " + message);
        err.println("Try '" + helpCommand + "'.");
        return USAGE;
    }

    static String version() {
        return "tollgate " + BuildInfo.tollgateVersion() + " (Drools " + BuildInfo.droolsVersion()
                + ", Java " + System.getProperty("java.version") + ")";
    }

    private static void printCommands(PrintWriter out) {
        out.println("Usage: tollgate COMMAND [OPTIONS]   (tollgate COMMAND --help for its options)");
        out.println("Supply-chain and CI policy gate for Cargo workspaces.");
        out.println();
        out.println("Commands:");
        for (Command c : COMMANDS.values()) out.printf("  %-18s %s%n", c.name(), c.summary());
        out.printf("  %-18s %s%n", "help COMMAND", "Show the help of a command.");
        out.println();
        out.println("  -h, --help     Show this help and exit.");
        out.println("  -V, --version  Print the version and exit.");
        out.println();
        out.println("Exit codes: 0 pass or warn, 1 the gate fails, 2 usage or input error.");
    }

    private static void printHelp(Command c, PrintWriter out) {
        out.println("Usage: tollgate " + c.name() + " [OPTIONS]" + (c.operands().isEmpty() ? "" : " " + c.operands()));
        out.println(c.summary());
        out.println();
        out.println("Options:");
        for (Option o : c.allOptions().getOptions()) {
            String names = (o.getOpt() != null ? "-" + o.getOpt() + ", " : "    ") + "--" + o.getLongOpt()
                    + (o.hasArg() ? " " + o.getArgName() : "");
            out.printf("  %-22s %s%n", names, o.getDescription());
        }
    }

    /** A usage error found after parsing (an unknown policy id, say): exit 2 with one line. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
