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
import dev.tollgate.inputs.InputException;
import dev.tollgate.inputs.RepositoryFacts;
import dev.tollgate.report.JsonReport;
import dev.tollgate.report.Report;
import dev.tollgate.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@code tollgate check}: evaluate the policies on a repository and answer pass, warn or fail. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Evaluate the policies on a repository. Exit 0 pass or warn, 1 fail, 2 usage or input error.")
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Option(names = "--repo", paramLabel = "DIR", description = "The repository root (default: the current directory).")
    Path repo = Path.of(".");

    @Option(names = "--config", paramLabel = "FILE", description = "The deny.toml to use (default: DIR/deny.toml; cargo-deny's defaults when absent).")
    Path config;

    @Option(names = "--metadata", paramLabel = "FILE", description = "A `cargo metadata --format-version 1` dump to read instead of Cargo.lock and the manifests.")
    Path metadata;

    @Option(names = "--policies", paramLabel = "LIST", split = ",",
            description = "Policies to run, comma-separated (default: every policy that has rules): ${COMPLETION-CANDIDATES}.",
            completionCandidates = PolicyIds.class)
    List<String> policies;

    @Option(names = "--rules", paramLabel = "DIR", description = "Add the .drl files in DIR; a file named like a shipped one replaces it (repeatable).")
    List<Path> rules = List.of();

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where compiled custom rules are cached (default: the user cache directory).")
    Path cacheDir;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Report format: ${COMPLETION-CANDIDATES} (default: text).")
    Format format = Format.text;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class PolicyIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Policies.ALL.iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        Set<String> named = new LinkedHashSet<>();
        if (policies != null) {
            for (String p : policies) {
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
        EngineOptions options = EngineOptions.bundled().withRuleDirs(rules).withCacheDir(cacheDir);
        CompletableFuture<PolicyEngine> building = CompletableFuture.supplyAsync(() -> Tollgate.engine(options));
        Set<String> candidates = named.isEmpty() ? new LinkedHashSet<>(Policies.ALL) : named;
        RepositoryFacts.Result read = RepositoryFacts.load(
                new RepositoryFacts.Request(repo, config, metadata, candidates, named));
        PolicyEngine engine = join(building);

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

        Report report = format == Format.json
                ? new JsonReport(BuildInfo.tollgateVersion())
                : new TextReport(output == null && System.console() != null && System.getenv("NO_COLOR") == null);
        if (output == null) {
            Writer out = spec.commandLine().getOut();
            report.write(verdict, evaluated, out);
            out.flush();
        } else {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
                report.write(verdict, evaluated, w);
            } catch (IOException e) {
                throw InputException.at(output.toString(), "cannot write the report: " + e.getMessage());
            }
        }
        return verdict.outcome() == Outcome.FAIL ? Cli.FAIL : Cli.PASS;
    }

    private static PolicyEngine join(CompletableFuture<PolicyEngine> building) {
        try {
            return building.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
