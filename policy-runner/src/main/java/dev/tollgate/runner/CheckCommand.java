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
import dev.tollgate.engine.DroolsPolicyEngine;
import dev.tollgate.engine.RuleFile;
import dev.tollgate.engine.RuleCheck;
import dev.tollgate.api.RulesException;
import dev.tollgate.inputs.Background;
import dev.tollgate.inputs.InputException;
import dev.tollgate.inputs.RepositoryFacts;
import dev.tollgate.inputs.prmode.BasePolicy;
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
                valued("format", "FORMAT", "Report format on standard output: " + String.join(", ", Reports.FORMATS) + " (default: text)."),
                valued("output", "[FORMAT=]FILE", "FILE: write the --format report to FILE instead of standard output. "
                        + "FORMAT=FILE: also write a FORMAT report to FILE (repeatable: one run, several reports)."),
                valued("base", "REF", "PR mode: compare with this git ref (findings get new: true|false; commits in BASE..HEAD are linted)."),
                valued("head", "REF", "The head of the range (default: HEAD and the working tree)."),
                valued("pr-title", "TEXT", "Lint TEXT as a conventional-commit PR title."),
                valued("policy-from", "base|head", "PR mode: the policy (deny.toml, tollgate.toml, rules and advisory data in the repository) comes from the base ref "
                        + "(default) or from the change itself; changes to it are reported either way."),
                valued("advisory-db", "PATH|URL", "The RustSec advisory database: a directory or a git URL (default: deny.toml's, else RustSec's)."),
                flag("offline", "Never touch the network (use the cached advisory database).")));
        options.addAll(ruleOptions());
        return options;
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws IOException {
        Path repo = Path.of(line.getOptionValue("repo", "."));
        cacheOutsideRepo(line, repo);
        Path config = path(line, "config");
        Path metadata = path(line, "metadata");
        List<ReportTarget> targets = reportTargets(line);
        if (!line.getArgList().isEmpty()) {
            throw new Cli.UsageException("unexpected argument `" + line.getArgList().get(0) + "`");
        }
        String policyFrom = line.getOptionValue("policy-from", "base");
        if (!policyFrom.equals("base") && !policyFrom.equals("head")) {
            throw new Cli.UsageException("--policy-from takes base or head, not `" + policyFrom + "`");
        }
        // Custom policies: the packages of --rules files (acme.msrv → msrv), known from the files' text
        // before anything is compiled, so --policies is checked before any input is read.
        EngineOptions all = engineOptions(line);
        // (in PR mode the working tree's rule files are the change's: not even their text is read here;
        // the custom ids come from the base's rules once those are read)
        boolean prPolicy = line.getOptionValue("base") != null && !policyFrom.equals("head");
        Set<String> custom = prPolicy ? Set.of() : customPolicies(all);
        Set<String> named = new LinkedHashSet<>();
        for (String list : values(line, "policies")) {
            for (String p : list.split(",")) {
                String id = p.trim();
                if (id.isEmpty()) continue;
                // in PR mode a custom id is checked against the base's rules, once they are read
                if (!Policies.isPolicy(id) && !custom.contains(id) && line.getOptionValue("base") == null) throw unknownPolicy(id, custom);
                named.add(id);
            }
        }
        Set<String> namedShipped = new LinkedHashSet<>(named);
        namedShipped.retainAll(Policies.ALL);
        Set<String> namedCustom = new TreeSet<>(named);
        namedCustom.removeAll(Policies.ALL);
        // A custom policy's rules may match any input: naming one reads every input there is (leniently,
        // like a plain check), but only the named policies are evaluated.
        Set<String> candidates = named.isEmpty() || !namedCustom.isEmpty() ? new LinkedHashSet<>(Policies.ALL) : namedShipped;
        String base = line.getOptionValue("base");
        RepositoryFacts.GitRange git = new RepositoryFacts.GitRange(base, line.getOptionValue("head"), line.getOptionValue("pr-title"),
                policyFrom.equals("head"));
        RepositoryFacts.AdvisoryDbSource advisoryDb = new RepositoryFacts.AdvisoryDbSource(line.getOptionValue("advisory-db"),
                line.hasOption("offline"), path(line, "cache-dir"));
        // Building the engine (loading the compiled rules into a KieBase) does not depend on the
        // inputs, so it runs beside reading them: on a cold JVM each takes a few hundred milliseconds.
        // Only the rules of the policies that may run are built (a cold run's biggest cost grows with
        // the number of rules): those named with --policies; without, the ones whose inputs may be
        // there (RepositoryFacts.mayEvaluate: no commits rules without --base or --pr-title, say).
        // Never the plans' rules. `config` and `pr-mode` are always built.
        Timings timings = Timings.fromEnvironment();
        Set<String> built = named.isEmpty()
                ? RepositoryFacts.mayEvaluate(new RepositoryFacts.Request(repo, config, metadata, candidates, namedShipped, git, advisoryDb))
                : namedShipped;
        timings.mark("policies to build: " + String.join(",", built));
        // PR mode: the policy (deny.toml, tollgate.toml, rules and advisory data inside the repository)
        // comes from the base commit, never from the working tree the change controls. The engine is
        // built beside reading the base, unless rules directories are given: then it is built from the
        // base's copy of those inside the repository.
        boolean rulesFromBase = base != null && !policyFrom.equals("head") && !all.ruleDirs().isEmpty();
        RuleCheck.Report[] linted = new RuleCheck.Report[1];
        Background<PolicyEngine> building = rulesFromBase ? null : startEngine(all, built, timings, linted);
        BasePolicy policy = base == null ? null
                : BasePolicy.open(repo, base, line.getOptionValue("head"), config, all.ruleDirs(), line.getOptionValue("advisory-db"),
                        policyFrom.equals("head"));
        try {
            if (policy != null) timings.mark("base policy read");
            EngineOptions effective = policy == null ? all : all.withRuleDirs(policy.ruleDirs());
            if (building == null) building = startEngine(effective, built, timings, linted);
            // the custom policies are those of the rules in force (in PR mode, the base's)
            Set<String> inForce = policy == null ? custom : customPolicies(effective);
            for (String id : namedCustom) if (!inForce.contains(id)) throw unknownPolicy(id, inForce);
            RepositoryFacts.Request request = new RepositoryFacts.Request(repo, config, metadata, candidates, namedShipped, git,
                    advisoryDb, policy);
            return check(request, building, linted, effective, built, named, namedCustom, inForce, targets, timings, out, err);
        } finally {
            if (policy != null) policy.close();
        }
    }

    private static Cli.UsageException unknownPolicy(String id, Set<String> custom) {
        List<String> known = new ArrayList<>(Policies.ALL);
        known.addAll(custom);
        return new Cli.UsageException("unknown policy `" + id + "` in --policies; known: " + String.join(", ", known));
    }

    /**
     * Builds the engine on another thread; custom rules then get the lint of {@code rules check} there,
     * once the engine is built (so they compiled), while the inputs are still being read. The lint
     * does not compile them again: {@code rules check}'s second KieBase (every shipped rule and the
     * custom ones) would only repeat what building this engine just did.
     */
    private static Background<PolicyEngine> startEngine(EngineOptions all, Set<String> built, Timings timings,
                                                        RuleCheck.Report[] linted) {
        EngineOptions options = all.withOnly(built.isEmpty() ? Set.of("config") : built);
        return Background.start("engine", () -> {
            PolicyEngine e = Tollgate.engine(options);
            timings.mark("engine built (other thread)");
            if (!all.ruleDirs().isEmpty()) {
                linted[0] = RuleCheck.lint(all);
                timings.mark("custom rules linted (other thread)");
            }
            return e;
        });
    }

    private int check(RepositoryFacts.Request request, Background<PolicyEngine> building, RuleCheck.Report[] linted,
                      EngineOptions all, Set<String> built, Set<String> named, Set<String> namedCustom, Set<String> custom,
                      List<ReportTarget> targets, Timings timings, PrintWriter out, PrintWriter err) throws IOException {
        Set<String> namedShipped = request.named();
        Set<String> candidates = request.policies();
        Path repo = request.repo();
        RepositoryFacts.Result read = RepositoryFacts.load(request);
        timings.mark("inputs read");
        PolicyEngine engine = building.get();
        timings.mark("engine joined");
        if (linted[0] != null) {
            // A lint failure refuses the rules (exit 2) like a compile error, since a verdict from rules that
            // break the contract (an undeclared code, a finding of another policy) is not one to trust;
            // warnings are printed and the run goes on.
            RuleCheck.Report lint = linted[0];
            for (RulesException.Problem p : lint.warnings()) err.println("tollgate: " + p.toString().replaceFirst(": ", ": warning: "));
            if (!lint.compileErrors().isEmpty() || !lint.failures().isEmpty()) {
                List<RulesException.Problem> problems = new ArrayList<>(lint.compileErrors());
                problems.addAll(lint.failures());
                throw new RulesException(problems);
            }
        }
        Set<String> wanted = new TreeSet<>(read.evaluated());
        if (!named.isEmpty()) wanted.retainAll(namedShipped);
        if (!built.containsAll(wanted)) {
            // mayEvaluate errs towards keeping a policy, and a test holds it to load(); should they ever
            // disagree, the policy's rules are built now rather than the policy silently not checked.
            engine = Tollgate.engine(all.withOnly(Set.copyOf(candidates)));
            timings.mark("engine rebuilt for every candidate policy");
        }

        // Policies with rules: those built, and those left out above because they will not run (their
        // rules ship all the same, and their notes, such as policy-skipped, are still reported).
        Set<String> withRules = new TreeSet<>();
        for (FindingCode c : engine.codes()) if (Policies.isPolicy(c.policy())) withRules.add(c.policy());
        if (named.isEmpty() && all.includeBundled()) {
            for (String p : candidates) if (!built.contains(p)) withRules.add(p);
        }
        for (String p : namedShipped) {
            if (!withRules.contains(p)) {
                throw new Cli.UsageException("policy `" + p + "` has no rules loaded (policies with rules: "
                        + String.join(", ", withRules) + ")");
            }
        }
        // Without --policies: every policy that has rules. Notes about the others are dropped.
        Set<String> evaluated = new TreeSet<>(wanted);
        evaluated.retainAll(withRules);
        Set<String> customWanted = new TreeSet<>(named.isEmpty() ? custom : namedCustom);
        customWanted.retainAll(custom);
        evaluated.addAll(customWanted);
        List<Object> facts = new ArrayList<>(read.facts().size());
        for (Object f : read.facts()) {
            if (f instanceof InputNote n && (!withRules.contains(n.policy()) || !named.isEmpty() && !named.contains(n.policy()))) continue;
            facts.add(f instanceof RunContext rc ? new RunContext(evaluated, rc.lockfile(), rc.config()) : f);
        }
        Verdict verdict = engine.evaluate(facts, evaluated);
        timings.mark("rules evaluated (" + facts.size() + " facts)");

        ReportContext context = new ReportContext(BuildInfo.tollgateVersion(), engine.codes(), repo,
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
                    throw InputException.at(t.file().toString(), "cannot write the report: " + InputException.reason(e));
                }
            }
        }
        timings.mark("report written");
        timings.print(err);
        return verdict.outcome() == Outcome.FAIL ? Cli.FAIL : Cli.PASS;
    }

    /** The policy ids of the custom rule files' packages ({@code package acme.msrv;} → {@code msrv}). */
    static Set<String> customPolicies(EngineOptions options) {
        Set<String> ids = new TreeSet<>();
        for (Path dir : options.ruleDirs()) {
            for (RuleFile f : RuleFile.readDir(dir)) {
                String pkg = f.drlPackage();
                if (pkg == null) continue;
                String id = Policies.idOfPackage(pkg);
                if (DroolsPolicyEngine.isCustomPolicyId(id)) ids.add(id);
            }
        }
        return ids;
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
