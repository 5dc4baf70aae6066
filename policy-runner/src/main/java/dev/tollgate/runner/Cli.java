package dev.tollgate.runner;

import dev.tollgate.api.EvaluationException;
import dev.tollgate.api.InputError;
import dev.tollgate.api.RulesException;
import dev.tollgate.api.Tollgate;
import dev.tollgate.report.Printable;
import org.apache.commons.cli.AlreadySelectedException;
import org.apache.commons.cli.AmbiguousOptionException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
        // A failure on another thread is not a stack trace on stderr; what it breaks reaches this one.
        Thread.setDefaultUncaughtExceptionHandler(new Quiet());
        // UTF-8 whatever the locale says: the same inputs give the same bytes under LANG=C.
        return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // Errors quote input text (a crate name, a key): escaped, and no line a workflow command.
        err = new PrintWriter(Printable.lines(err), true);
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
        } catch (InputError e) {
            // an input that cannot be read (the engine's and the runner's own): one line, and what the
            // message quotes from the input (a newline too) is escaped
            err.println("tollgate: " + Printable.escape(e.getMessage()));
            if (debug) e.printStackTrace(err);
            return USAGE;
        } catch (RulesException e) {
            for (RulesException.Problem p : e.problems()) err.println("tollgate: " + Printable.escape(p.toString()));
            if (debug) e.printStackTrace(err);
            return USAGE;
        } catch (EvaluationException e) {
            // no verdict: a rule did not return within the budget, or the rules exhausted the memory
            err.println("tollgate: " + Printable.escape(e.getMessage()));
            if (debug) e.printStackTrace(err);
            return USAGE;
        } catch (VirtualMachineError e) {
            // Out of memory, out of stack: no verdict, so never exit 1. The trace could be huge (a
            // stack overflow) and would cost memory there is none of: one line, the trace on demand.
            return internalError(err, e, debug);
        } catch (Exception | Error e) {
            return internalError(err, e, debug);
        }
    }

    /**
     * Exit 2 with one line for a run that could not finish: exit 1 means "evaluated, and the gate
     * fails", which a crash must never look like.
     */
    static int internalError(PrintWriter err, Throwable e, boolean debug) {
        try {
            err.println("tollgate: internal error: " + Printable.escape(describe(e)) + "; --debug shows the trace");
            if (debug) e.printStackTrace(err);
        } catch (Throwable again) {
            // nothing more can be said; the exit code still tells
        }
        return USAGE;
    }

    /** A throwable in a few words: its class and message, for memory and stack the usual words. */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) return "out of memory (" + e.getMessage() + "); raise -Xmx or report the input that caused it";
        if (e instanceof StackOverflowError) return "stack overflow (an input nested too deeply?)";
        String m = e.getMessage();
        if (m != null && m.length() > 300) m = m.substring(0, 150) + " … " + m.substring(m.length() - 100);
        return e.getClass().getName() + (m == null ? "" : ": " + m);
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
        err.println("tollgate: " + Printable.escape(message));
        err.println("Try '" + helpCommand + "'.");
        return USAGE;
    }

    static String version() {
        return "tollgate " + Tollgate.version() + " (" + Tollgate.engineDescription()
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

    /** Uncaught failures of other threads print nothing (the CLI's own threads report through the main one). */
    private static final class Quiet implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
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
