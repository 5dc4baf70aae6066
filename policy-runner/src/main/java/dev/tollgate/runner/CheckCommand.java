package dev.tollgate.runner;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Policies;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.verdict.Outcome;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.engine.BuildInfo;
import dev.tollgate.inputs.Background;
import dev.tollgate.inputs.InputException;
import dev.tollgate.inputs.RepositoryFacts;
import dev.tollgate.report.JsonReport;
import dev.tollgate.report.Report;
import dev.tollgate.report.TextReport;
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
import java.util.TreeSet;

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
                valued("format", "FORMAT", "Report format: text or json (default: text)."),
                valued("output", "FILE", "Write the report to FILE instead of standard output."),
                valued("base", "REF", "PR mode: compare with this git ref (findings get new: true|false; commits in BASE..HEAD are linted)."),
                valued("head", "REF", "The head of the range (default: HEAD and the working tree)."),
                valued("pr-title", "TEXT", "Lint TEXT as a conventional-commit PR title."),
                valued("policy-from", "base|head", "PR mode: read the policy thresholds from the base ref (default) or the head."),
                valued("advisory-db", "PATH|URL", "The RustSec advisory database: a directory or a git URL (default: deny.toml's, else RustSec's)."),
                flag("offline", "Never touch the network (use the cached advisory database).")));
        options.addAll(ruleOptions());
        return options;
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws IOException {
        Path repo = Path.of(line.getOptionValue("repo", "."));
        Path config = path(line, "config");
        Path metadata = path(line, "metadata");
        Path output = path(line, "output");
        String format = line.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new Cli.UsageException("unknown format `" + format + "`; use text or json");
        }
        if (!line.getArgList().isEmpty()) {
            throw new Cli.UsageException("unexpected argument `" + line.getArgList().get(0) + "`");
        }
        String policyFrom = line.getOptionValue("policy-from", "base");
        if (!policyFrom.equals("base") && !policyFrom.equals("head")) {
            throw new Cli.UsageException("--policy-from takes base or head, not `" + policyFrom + "`");
        }
        Set<String> named = new LinkedHashSet<>();
        for (String list : values(line, "policies")) {
            for (String p : list.split(",")) {
                String id = p.trim();
                if (id.isEmpty()) continue;
                if (!Policies.isPolicy(id)) {
                    throw new Cli.UsageException("unknown policy `" + id + "` in --policies; known: " + String.join(", ", Policies.ALL));
                }
                named.add(id);
            }
        }
        // Building the engine (loading the compiled rules into a KieBase) does not depend on the
        // inputs, so it runs beside reading them: on a cold JVM each takes a few hundred milliseconds.
        EngineOptions options = engineOptions(line);
        Timings timings = Timings.fromEnvironment();
        Background<PolicyEngine> building = Background.start("engine", () -> {
            PolicyEngine e = Tollgate.engine(options);
            timings.mark("engine built (other thread)");
            return e;
        });
        Set<String> candidates = named.isEmpty() ? new LinkedHashSet<>(Policies.ALL) : named;
        RepositoryFacts.Result read = RepositoryFacts.load(
                new RepositoryFacts.Request(repo, config, metadata, candidates, named,
                        new RepositoryFacts.GitRange(line.getOptionValue("base"), line.getOptionValue("head"), line.getOptionValue("pr-title"),
                                policyFrom.equals("head")),
                        new RepositoryFacts.AdvisoryDbSource(line.getOptionValue("advisory-db"), line.hasOption("offline"),
                                path(line, "cache-dir"))));
        timings.mark("inputs read");
        PolicyEngine engine = building.get();
        timings.mark("engine joined");

        Set<String> withRules = new TreeSet<>();
        for (FindingCode c : engine.codes()) if (Policies.isPolicy(c.policy())) withRules.add(c.policy());
        for (String p : named) {
            if (!withRules.contains(p)) {
                throw new Cli.UsageException("policy `" + p + "` has no rules loaded (policies with rules: "
                        + String.join(", ", withRules) + ")");
            }
        }
        // Without --policies: every policy that has rules. Notes about the others are dropped.
        Set<String> evaluated = new TreeSet<>(read.evaluated());
        evaluated.retainAll(withRules);
        List<Object> facts = new ArrayList<>(read.facts().size());
        for (Object f : read.facts()) {
            if (f instanceof InputNote n && !withRules.contains(n.policy())) continue;
            facts.add(f instanceof RunContext rc ? new RunContext(evaluated, rc.lockfile(), rc.config()) : f);
        }
        Verdict verdict = engine.evaluate(facts, evaluated);
        timings.mark("rules evaluated (" + facts.size() + " facts)");

        Report report = format.equals("json")
                ? new JsonReport(BuildInfo.tollgateVersion())
                : new TextReport(output == null && System.console() != null && System.getenv("NO_COLOR") == null);
        if (output == null) {
            report.write(verdict, evaluated, out);
            out.flush();
        } else {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
                report.write(verdict, evaluated, w);
            } catch (IOException e) {
                throw InputException.at(output.toString(), "cannot write the report: " + e.getMessage());
            }
        }
        timings.mark("report written");
        timings.print(err);
        return verdict.outcome() == Outcome.FAIL ? Cli.FAIL : Cli.PASS;
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
