package dev.tollgate.runner;

import dev.tollgate.plans.AffectedPlan;
import dev.tollgate.plans.PlanRun;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        AffectedPlan plan = PlanRun.affected(change(line, line.getOptionValue("base"), err));
        if (format.equals("json")) {
            out.println(plan.toJson());
        } else {
            out.println(dev.tollgate.report.Printable.line(dev.tollgate.report.Printable.escape(String.join(" ", plan.nextestArgs()))));
        }
        return Cli.PASS;
    }

    /** What a plan command derived. */
    /** What changed, from --repo, --base, --head and --changed-files; each finding of the plan's rules goes to {@code err}. */
    static PlanRun.Change change(CommandLine line, String base, PrintWriter err) {
        Path repo = Path.of(line.getOptionValue("repo", "."));
        cacheOutsideRepo(line, repo);
        String head = line.getOptionValue("head");
        String list = line.getOptionValue("changed-files");
        if (list != null && (line.hasOption("base") || head != null)) {
            throw new Cli.UsageException("give either --base/--head or --changed-files, not both");
        }
        if (list == null && base == null) throw new Cli.UsageException("say what changed: --base REF or --changed-files FILE");
        return new PlanRun.Change(repo, list == null ? base : null, head, list, () -> System.in, engineOptions(line), f -> {
            String at = f.location() == null || !f.location().isKnown() ? "" : f.location() + ": ";
            err.println("tollgate: " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + dev.tollgate.report.Printable.escape(at + f.message()));
        });
    }
}
