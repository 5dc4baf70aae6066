package dev.tollgate.runner;

import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.InputError;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.Policies;
import dev.tollgate.api.verdict.Outcome;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.engine.CheckRun;
import dev.tollgate.report.Report;
import dev.tollgate.report.ReportContext;
import dev.tollgate.report.Reports;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code tollgate check}: evaluate the policies on a repository and answer pass, warn or fail. */
final class CheckCommand extends Command {
    @Override
    String name() {
        return "check";
    }

    @Override
    String summary() {
        return "Evaluate the policies on a repository. Exit 0 pass or warn, 1 fail, 2 usage or input error.";
    }

    @Override
    List<Option> options() {
        List<Option> options = new ArrayList<>(List.of(
                valued("repo", "DIR", "The repository root (default: the current directory)."),
                valued("config", "FILE", "The deny.toml to use (default: DIR/deny.toml; cargo-deny's defaults when absent)."),
                valued("metadata", "FILE", "A `cargo metadata --format-version 1` dump to read instead of Cargo.lock and the manifests."),
                valued("policies", "LIST", "Policies to run, comma-separated (default: every policy that has rules): "
                        + String.join(", ", Policies.ALL) + "."),
                valued("format", "FORMAT", "Report format on standard output: " + String.join(", ", Reports.FORMATS) + " (default: text)."),
                valued("output", "[FORMAT=]FILE", "FILE: write the --format report to FILE instead of standard output. "
                        + "FORMAT=FILE: also write a FORMAT report to FILE (repeatable: one run, several reports)."),
                valued("base", "REF", "PR mode: compare with this git ref (findings get new: true|false; commits in BASE..HEAD are linted)."),
                valued("head", "REF", "The head of the range (default: HEAD and the working tree)."),
                valued("pr-title", "TEXT", "Lint TEXT as a conventional-commit PR title."),
                valued("policy-from", "base|head", "PR mode: the policy (deny.toml, tollgate.toml, rules and advisory data in the repository) comes from the base ref "
                        + "(default) or from the change itself; changes to it are reported either way."),
                valued("advisory-db", "PATH|URL", "The RustSec advisory database: a directory or a git URL (default: deny.toml's, else RustSec's)."),
                flag("offline", "Never touch the network (use the cached advisory database; cargo runs with --offline)."),
                flag("no-cargo", "Never run cargo: without --metadata the licenses policy then has no input (skipped with a note,"
                        + " an input error when named in --policies).")));
        options.addAll(ruleOptions());
        return options;
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws IOException {
        Path repo = Path.of(line.getOptionValue("repo", "."));
        cacheOutsideRepo(line, repo);
        List<ReportTarget> targets = reportTargets(line);
        if (!line.getArgList().isEmpty()) {
            throw new Cli.UsageException("unexpected argument `" + line.getArgList().get(0) + "`");
        }
        CheckRequest request = request(line, repo);
        Timings timings = Timings.fromEnvironment();
        // The one path from inputs to verdict, the embedding API's (PolicyEngine.check): the command line only
        // turns its options into a CheckRequest and renders the result.
        CheckRun.Result result;
        try {
            // the library prints nothing: its progress comes here, the phases for TOLLGATE_TIMINGS and the advisory
            // database's clone or fetch (lines starting "tollgate: ") for standard error, as they happen
            result = CheckRun.run(request.withProgress(s -> {
                if (s.startsWith("tollgate: ")) {
                    err.println(s);
                    err.flush();
                } else {
                    timings.mark(s);
                }
            }), engineOptions(line), CheckRun.Engines.fresh(
                    p -> err.println("tollgate: " + p.toString().replaceFirst(": ", ": warning: "))));
        } catch (CheckRun.PolicySelectionException e) {
            throw e.isUnknown()
                    ? new Cli.UsageException("unknown policy `" + e.id() + "` in --policies; known: " + String.join(", ", e.known()))
                    : new Cli.UsageException(e.getMessage());
        }
        Verdict verdict = result.verdict();
        Set<String> evaluated = result.evaluated();

        ReportContext context = new ReportContext(Tollgate.version(), result.codes(), repo,
                colourWanted(targets.get(0)));
        for (ReportTarget t : targets) {
            Report report = Reports.create(t.format(), context);
            if (t.file() == null) {
                report.write(verdict, evaluated, out);
                out.flush();
            } else {
                try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(t.file()), StandardCharsets.UTF_8))) {
                    report.write(verdict, evaluated, w);
                } catch (IOException e) {
                    throw new InputError(t.file().toString(), 0, 0, "cannot write the report: " + InputError.reason(e), e);
                }
            }
        }
        timings.mark("report written");
        timings.print(err);
        return verdict.outcome() == Outcome.FAIL ? Cli.FAIL : Cli.PASS;
    }

    /** The request the options ask for: every option of {@code check} but the reports' has a {@link CheckRequest} method. */
    static CheckRequest request(CommandLine line, Path repo) {
        CheckRequest request = CheckRequest.of(repo);
        Path config = path(line, "config");
        if (config != null) request = request.withConfig(config);
        Path metadata = path(line, "metadata");
        if (metadata != null) request = request.withMetadata(metadata);
        String policyFrom = line.getOptionValue("policy-from", "base");
        if (!policyFrom.equals("base") && !policyFrom.equals("head")) {
            throw new Cli.UsageException("--policy-from takes base or head, not `" + policyFrom + "`");
        }
        request = request.withPolicyFrom(policyFrom.equals("head") ? CheckRequest.PolicyFrom.HEAD : CheckRequest.PolicyFrom.BASE);
        Set<String> named = new LinkedHashSet<>();
        for (String list : values(line, "policies")) {
            for (String p : list.split(",")) {
                String id = p.trim();
                if (!id.isEmpty()) named.add(id);
            }
        }
        // --policies with no id in it is no selection: every policy, as without the option
        if (!named.isEmpty()) request = request.withPolicies(named);
        if (line.getOptionValue("base") != null) request = request.withBase(line.getOptionValue("base"));
        if (line.getOptionValue("head") != null) request = request.withHead(line.getOptionValue("head"));
        if (line.getOptionValue("pr-title") != null) request = request.withPrTitle(line.getOptionValue("pr-title"));
        if (line.getOptionValue("advisory-db") != null) request = request.withAdvisoryDb(line.getOptionValue("advisory-db"));
        if (line.hasOption("offline")) request = request.withOffline(true);
        if (line.hasOption("no-cargo")) request = request.withCargo(false);
        Path cacheDir = path(line, "cache-dir");
        if (cacheDir != null) request = request.withCacheDir(cacheDir);
        return request;
    }

    /** Where a report goes: standard output when {@code file} is null. */
    record ReportTarget(String format, Path file) {
    }

    /**
     * The reports a run writes: first the {@code --format} one (standard output, or the plain
     * {@code --output FILE}), then one per {@code --output FORMAT=FILE}, in the order given.
     */
    static List<ReportTarget> reportTargets(CommandLine line) {
        String format = line.getOptionValue("format", "text");
        if (!Reports.isFormat(format)) {
            throw new Cli.UsageException("unknown format `" + format + "`; use " + String.join(", ", Reports.FORMATS));
        }
        Path plain = null;
        List<ReportTarget> extra = new ArrayList<>();
        Set<Path> files = new LinkedHashSet<>();
        for (String v : values(line, "output")) {
            int eq = v.indexOf('=');
            String prefix = eq > 0 ? v.substring(0, eq) : null;
            Path file;
            if (prefix != null && Reports.isFormat(prefix)) {
                if (eq == v.length() - 1) throw new Cli.UsageException("--output " + v + " names no file");
                file = Path.of(v.substring(eq + 1));
                extra.add(new ReportTarget(prefix, file));
            } else {
                if (v.isEmpty()) throw new Cli.UsageException("--output needs a file");
                if (plain != null) {
                    throw new Cli.UsageException("--output FILE is given twice (`" + plain + "`, `" + v + "`); "
                            + "name the other reports' formats: --output FORMAT=FILE");
                }
                file = Path.of(v);
                plain = file;
            }
            if (!files.add(file.toAbsolutePath().normalize())) {
                throw new Cli.UsageException("two reports would be written to `" + file + "`");
            }
        }
        List<ReportTarget> targets = new ArrayList<>();
        targets.add(new ReportTarget(format, plain));
        targets.addAll(extra);
        return targets;
    }

    /**
     * Colour for a text report on a terminal, unless {@code NO_COLOR} is set (to anything but "")
     * or {@code TERM=dumb}. On JDK 22+ {@code System.console()} exists even when output is piped,
     * so its {@code isTerminal()} decides there.
     */
    private static boolean colourWanted(ReportTarget first) {
        if (first.file() != null || !first.format().equals("text")) return false;
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        if ("dumb".equals(System.getenv("TERM"))) return false;
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;   // JDK < 22: a console exists only on a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Path path(CommandLine line, String option) {
        String v = line.getOptionValue(option);
        return v == null ? null : Path.of(v);
    }

    private static List<String> values(CommandLine line, String option) {
        String[] v = line.getOptionValues(option);
        return v == null ? List.of() : List.of(v);
    }
}
