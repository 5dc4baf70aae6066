package dev.tollgate.runner;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Policies;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.PolicyEngine.Derivation;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.ChangedFile;
import dev.tollgate.api.facts.PathRule;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.inputs.io.Background;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.affected.AffectedInputs;
import dev.tollgate.plans.AffectedPlan;
import dev.tollgate.inputs.affected.ChangedFileList;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code tollgate plan affected}: the workspace members a change affects (changed crates and their
 * reverse dependencies), as JSON or as {@code cargo nextest run} arguments. The decisions are the
 * rules of {@code rules/affected.drl}; this command reads the inputs and prints the plan.
 */
final class PlanAffectedCommand extends Command {
    @Override
    String name() {
        return "plan affected";
    }

    @Override
    String summary() {
        return "Print the crates a change affects (changed crates and their dependents), as JSON or nextest arguments.";
    }

    @Override
    List<Option> options() {
        List<Option> options = new ArrayList<>(changeOptions());
        options.add(valued("format", "FORMAT", "json (default) or nextest (the arguments of `cargo nextest run`)."));
        options.addAll(ruleOptions());
        return options;
    }

    /** The options that say what changed: shared with {@code plan release --format matrix}. */
    static List<Option> changeOptions() {
        return List.of(
                valued("repo", "DIR", "The repository root (default: the current directory); the workspace is read from its working tree."),
                valued("base", "REF", "Compare with this git ref (the merge base of REF and the head)."),
                valued("head", "REF", "The head of the range (default: HEAD)."),
                valued("changed-files", "FILE", "Read the changed paths from FILE (`-`: standard input), one a line, instead of git."));
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws IOException {
        String format = line.getOptionValue("format", "json");
        if (!format.equals("json") && !format.equals("nextest")) {
            throw new Cli.UsageException("unknown format `" + format + "`; use json or nextest");
        }
        if (!line.getArgList().isEmpty()) throw new Cli.UsageException("unexpected argument `" + line.getArgList().get(0) + "`");
        AffectedPlan plan = derive(line, Set.of(Policies.AFFECTED), List.of(), List.of(), err).plan();
        if (format.equals("json")) {
            out.println(plan.toJson());
        } else {
            out.println(dev.tollgate.report.Printable.line(dev.tollgate.report.Printable.escape(String.join(" ", plan.nextestArgs()))));
        }
        return Cli.PASS;
    }

    /** What a plan command derived. */
    record Derived(Derivation derivation, AffectedPlan plan, AffectedInputs.Result inputs) {
    }

    /**
     * Reads the change and the workspace, runs the selected plans' rules, prints warnings and notes
     * to {@code err}, and fails (exit 2) when a rule could not be evaluated.
     */
    static Derived derive(CommandLine line, Set<String> plans, List<PathRule> extraRules, List<Object> extraFacts,
                          PrintWriter err) {
        return derive(line, line.getOptionValue("base"), plans, extraRules, extraFacts, err);
    }

    static Derived derive(CommandLine line, String base, Set<String> plans, List<PathRule> extraRules, List<Object> extraFacts,
                          PrintWriter err) {
        Path repo = Path.of(line.getOptionValue("repo", "."));
        cacheOutsideRepo(line, repo);
        String head = line.getOptionValue("head");
        String list = line.getOptionValue("changed-files");
        if (list != null && (line.hasOption("base") || head != null)) {
            throw new Cli.UsageException("give either --base/--head or --changed-files, not both");
        }
        if (list == null && base == null) throw new Cli.UsageException("say what changed: --base REF or --changed-files FILE");
        // only the selected plans' rule packages (and config) go into the KieBase: a smaller build
        EngineOptions options = engineOptions(line).withOnly(plans);
        Background<PolicyEngine> building = Background.start("engine", () -> Tollgate.engine(options));
        List<ChangedFile> files = list == null ? null : readList(list);
        AffectedInputs.Result inputs = AffectedInputs.load(new AffectedInputs.Request(repo, files, base, head, extraRules));
        List<Object> facts = new ArrayList<>(inputs.facts());
        facts.addAll(extraFacts);
        Derivation d = building.get().derive(facts, plans);
        boolean failed = false;
        for (Finding f : d.verdict().findings()) {
            String at = f.location() == null || !f.location().isKnown() ? "" : f.location() + ": ";
            err.println("tollgate: " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + dev.tollgate.report.Printable.escape(at + f.message()));
            if (f.severity() == Severity.ERROR) failed = true;
        }
        if (failed) throw InputException.at(null, "the plan could not be derived (see the errors above)");
        return new Derived(d, AffectedPlan.of(d), inputs);
    }

    private static List<ChangedFile> readList(String list) {
        if (!list.equals("-")) return ChangedFileList.parse(InputFiles.readGiven(Path.of(list), list, InputFiles.Kind.CHANGED_FILES), list);
        try {
            InputStream in = System.in;
            byte[] bytes = in.readNBytes((int) InputFiles.Kind.CHANGED_FILES.limit() + 1);
            if (bytes.length > InputFiles.Kind.CHANGED_FILES.limit()) {
                throw InputException.at("<stdin>", "the changed-files list is larger than "
                        + (InputFiles.Kind.CHANGED_FILES.limit() >> 20) + " MiB; not read");
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return ChangedFileList.parse(text, "<stdin>");
        } catch (CharacterCodingException e) {
            throw InputException.at("<stdin>", "the changed-files list is not UTF-8");
        } catch (IOException e) {
            throw InputException.at("<stdin>", "cannot read the changed-files list: " + e.getMessage());
        }
    }
}
