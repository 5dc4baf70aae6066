package dev.tollgate.engine;

import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Policies;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.RulesException;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.inputs.io.Background;
import dev.tollgate.inputs.RepositoryFacts;
import dev.tollgate.inputs.prmode.BasePolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The one path from a {@link CheckRequest} to a verdict: {@link PolicyEngine#check} (the embedding API)
 * and {@code tollgate check} (the command line) both run {@link #run}, so what they read, which
 * policies run and which are skipped with a note cannot drift apart. In order: the named policies are
 * checked (unknown ones are an {@link IllegalArgumentException} before any input is read); in PR mode the
 * base's policy files are read ({@link BasePolicy}); the inputs are read into facts
 * ({@link RepositoryFacts#load}, which decides, per policy, whether it runs or is skipped); the facts are
 * evaluated by an engine that has the rules of every policy that runs.
 */
public final class CheckRun {
    private CheckRun() {
    }

    /**
     * The verdict, the policies that ran ({@code policies} of the reports) and the codes of the engine
     * that evaluated them (for the reports' links and documentation).
     */
    public record Result(Verdict verdict, Set<String> evaluated, List<FindingCode> codes) {
        public Result {
            evaluated = java.util.Collections.unmodifiableSet(new TreeSet<>(evaluated));
            codes = List.copyOf(codes);
        }
    }

    /** A policy id that is unknown, or has no rules in the engine in force: the caller's mistake, not the input's. */
    public static final class PolicySelectionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final List<String> known;

        PolicySelectionException(String message, String id, List<String> known) {
            super(message);
            this.id = id;
            this.known = List.copyOf(known);
        }

        static PolicySelectionException unknown(String id, Set<String> custom) {
            List<String> known = new ArrayList<>(Policies.ALL);
            known.addAll(custom);
            return new PolicySelectionException("unknown policy `" + id + "`; known: " + String.join(", ", known), id, known);
        }

        /** The id the caller named. */
        public String id() {
            return id;
        }

        /** Whether the id is unknown (else it is known but has no rules loaded). */
        public boolean isUnknown() {
            return !known.contains(id);
        }

        /** Every policy id known to the rules in force, in report order. */
        public List<String> known() {
            return known;
        }
    }

    /**
     * Where the engine comes from: built for this check (the command line: only the rules of the
     * policies that may run, on another thread while the inputs are read, custom rules linted), or
     * one already built (the API: {@code engine.check(request)} uses that engine's rules).
     */
    public abstract static class Engines {
        /** The policies whose shipped rules to build, given those the inputs may let run. */
        abstract Set<String> toBuild(java.util.function.Supplier<Set<String>> mayRun);

        abstract Background<Built> start(EngineOptions options, Set<String> only, Consumer<String> progress);

        /** The engine with the rules of every candidate policy, when the one started lacks some that will run; null: keep it. */
        abstract PolicyEngine rebuild(EngineOptions options, Set<String> candidates);

        /** Whether policies left out of the build (they cannot run here) still count as having rules. */
        abstract boolean partial();

        /** The custom policies of these options' rule files. */
        abstract Set<String> customPolicies(EngineOptions options);

        /**
         * Engines built for one check, as {@code tollgate check} does: only the shipped rules of the
         * policies that may run, and custom rules linted like {@code rules check} (a lint failure refuses
         * them: {@link RulesException}; warnings go to {@code warnings}).
         */
        public static Engines fresh(Consumer<RulesException.Problem> warnings) {
            return new Fresh(Objects.requireNonNull(warnings, "warnings"));
        }

        /** One engine, already built: its rules are the rules in force (unless PR mode reads the rules from the base). */
        static Engines of(DroolsPolicyEngine engine, EngineOptions options) {
            return new Prebuilt(engine, options);
        }
    }

    /** An engine and, for custom rules, their lint report (null when not linted). */
    record Built(PolicyEngine engine, RuleCheck.Report lint) {
    }

    private static final class Fresh extends Engines {
        private final Consumer<RulesException.Problem> warnings;

        Fresh(Consumer<RulesException.Problem> warnings) {
            this.warnings = warnings;
        }

        @Override
        Set<String> toBuild(java.util.function.Supplier<Set<String>> mayRun) {
            return mayRun.get();
        }

        @Override
        Background<Built> start(EngineOptions all, Set<String> built, Consumer<String> progress) {
            EngineOptions options = all.withOnly(built.isEmpty() ? Set.of("config") : built);
            // The lint of `rules check` without its second compile (building this engine proves the custom
            // files compile; a second KieBase of every rule would cost ~0.3 s per run). It reads text only, so
            // it runs beside the engine's build instead of after it (~60 ms off a cached custom-rules run).
            Background<RuleCheck.Report> linting = all.ruleDirs().isEmpty() ? null
                    : Background.start("lint", () -> {
                        RuleCheck.Report r = RuleCheck.lint(all);
                        progress.accept("custom rules linted (other thread)");
                        return r;
                    });
            return Background.start("engine", () -> {
                PolicyEngine e;
                try {
                    e = DroolsPolicyEngine.create(options);
                } catch (RulesException refused) {
                    // The build's own checks of the codes (one declaration each) have no position; the lint
                    // finds the same problems in the text, at their FILE:LINE:COLUMN: report those when it has any.
                    // A compile error has its position: it is reported as it is.
                    boolean located = refused.problems().stream().anyMatch(p -> p.line() > 0);
                    if (linting != null && !located) {
                        RuleCheck.Report r = linting.get();
                        if (!r.failures().isEmpty()) throw new RulesException(r.failures());
                    }
                    throw refused;
                }
                progress.accept("engine built (other thread)");
                return new Built(e, linting == null ? null : linting.get());
            });
        }

        @Override
        PolicyEngine rebuild(EngineOptions options, Set<String> candidates) {
            return DroolsPolicyEngine.create(options.withOnly(Set.copyOf(candidates)));
        }

        @Override
        boolean partial() {
            return true;
        }

        @Override
        Set<String> customPolicies(EngineOptions options) {
            return CheckRun.customPolicies(options);
        }

        void lint(RuleCheck.Report lint) {
            // A lint failure refuses the rules like a compile error, since a verdict from rules that break the
            // contract (an undeclared code, a finding of another policy) is not one to trust; warnings are
            // reported and the run goes on.
            for (RulesException.Problem p : lint.warnings()) warnings.accept(p);
            if (!lint.compileErrors().isEmpty() || !lint.failures().isEmpty()) {
                List<RulesException.Problem> problems = new ArrayList<>(lint.compileErrors());
                problems.addAll(lint.failures());
                throw new RulesException(problems);
            }
        }
    }

    private static final class Prebuilt extends Engines {
        private final DroolsPolicyEngine engine;
        private final EngineOptions options;

        Prebuilt(DroolsPolicyEngine engine, EngineOptions options) {
            this.engine = engine;
            this.options = options;
        }

        @Override
        Set<String> toBuild(java.util.function.Supplier<Set<String>> mayRun) {
            return engine.policies();
        }

        @Override
        Background<Built> start(EngineOptions wanted, Set<String> only, Consumer<String> progress) {
            // PR mode reads rules directories inside the repository from the base: those rules are in force
            if (wanted.ruleDirs().equals(options.ruleDirs())) return Background.start("engine", () -> new Built(engine, null));
            return Background.start("engine", () -> new Built(DroolsPolicyEngine.create(wanted), null));
        }

        @Override
        PolicyEngine rebuild(EngineOptions options, Set<String> candidates) {
            return null;
        }

        @Override
        boolean partial() {
            return false;
        }

        @Override
        Set<String> customPolicies(EngineOptions wanted) {
            return wanted.ruleDirs().equals(options.ruleDirs()) ? engine.customPolicies() : CheckRun.customPolicies(wanted);
        }
    }

    /** The policy ids of the custom rule files' packages ({@code package acme.msrv;} → {@code msrv}), from their text. */
    public static Set<String> customPolicies(EngineOptions options) {
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

    /**
     * Reads the request's inputs and evaluates its policies.
     *
     * @param options the engine's rules: the shipped ones, custom rule directories, where compiled rules are cached
     * @throws dev.tollgate.api.InputError an input cannot be read
     * @throws PolicySelectionException    a named policy is unknown or has no rules loaded
     * @throws RulesException              custom rules do not compile or fail their lint
     */
    public static Result run(CheckRequest request, EngineOptions options, Engines engines) {
        Prepared p = prepare(request, options, engines);
        Verdict verdict = p.engine().evaluate(p.facts(), p.evaluated());
        p.progress().accept("rules evaluated (" + p.facts().size() + " facts)");
        return new Result(verdict, p.evaluated(), p.engine().codes());
    }

    /**
     * Reads the request's inputs into the facts {@link #run} evaluates, without evaluating them: the facts
     * (the {@code RunContext} naming the policies that run) and those policies. The same checks as {@link #run}
     * come first (unknown policies, a cache inside the repository), and the same input errors are thrown.
     */
    public static dev.tollgate.api.CheckFacts facts(CheckRequest request, EngineOptions options, Engines engines) {
        Prepared p = prepare(request, options, engines);
        return new dev.tollgate.api.CheckFacts(p.facts(), p.evaluated());
    }

    /** The facts to evaluate, the policies they are evaluated for, and the engine with their rules. */
    private record Prepared(List<Object> facts, Set<String> evaluated, PolicyEngine engine, Consumer<String> progress) {
    }

    private static Prepared prepare(CheckRequest request, EngineOptions options, Engines engines) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(engines, "engines");
        Consumer<String> progress = request.progress() != null ? request.progress() : s -> { };
        Path repo = request.repository();
        // Caches belong to the CI owner (threat model): compiled rules are code, and a cloned database decides
        // what is vulnerable, so neither may be kept in the checkout under review
        outsideRepository(repo, request.cacheDir());
        outsideRepository(repo, options.cacheDir());
        boolean prMode = request.base() != null;
        boolean policyFromHead = request.policyFrom() == CheckRequest.PolicyFrom.HEAD;
        // Custom policies: the packages of the custom rule files (acme.msrv → msrv), known from the files'
        // text before anything is compiled, so the named policies are checked before any input is read. In PR
        // mode the working tree's rule files are the change's: not even their text is read here; the custom
        // ids come from the base's rules once those are read.
        Set<String> custom = prMode && !policyFromHead ? Set.of() : engines.customPolicies(options);
        boolean all = request.policies().isEmpty();
        Set<String> named = new LinkedHashSet<>(request.policies().orElse(Set.of()));
        for (String id : named) {
            if (!Policies.isPolicy(id) && !custom.contains(id) && !prMode) throw PolicySelectionException.unknown(id, custom);
        }
        Set<String> namedShipped = new LinkedHashSet<>(named);
        namedShipped.retainAll(Policies.ALL);
        Set<String> namedCustom = new TreeSet<>(named);
        namedCustom.removeAll(Policies.ALL);
        // A custom policy's rules may match any input: naming one reads every input there is (leniently,
        // like a plain check), but only the named policies are evaluated.
        Set<String> candidates = all || !namedCustom.isEmpty() ? new LinkedHashSet<>(Policies.ALL) : namedShipped;
        RepositoryFacts.GitRange git = new RepositoryFacts.GitRange(request.base(), request.head(), request.prTitle(), policyFromHead);
        // every cache goes under the request's cache directory, else the engine's (else deny.toml's db-path, else
        // the user cache directory); clone progress goes to the caller's listener, never to a stream of ours
        Path cacheDir = request.cacheDir() != null ? request.cacheDir() : options.cacheDir();
        RepositoryFacts.AdvisoryDbSource advisoryDb = new RepositoryFacts.AdvisoryDbSource(request.advisoryDb(), request.offline(),
                cacheDir, request.progress());
        // Building the engine (loading the compiled rules into a KieBase) does not depend on the inputs, so
        // it runs beside reading them: on a cold JVM each takes a few hundred milliseconds. Only the rules of
        // the policies that may run are built (a cold run's biggest cost grows with the number of rules):
        // the named ones; without names, those whose inputs may be there (RepositoryFacts.mayEvaluate: no
        // commits rules without --base or --pr-title, say). Never the plans' rules; `config` and `pr-mode`
        // are always built.
        Set<String> built = engines.toBuild(() -> all
                ? RepositoryFacts.mayEvaluate(new RepositoryFacts.Request(repo, request.config(), request.metadata(), candidates,
                        namedShipped, git, advisoryDb, null, request.cargo()))
                : namedShipped);
        progress.accept("policies to build: " + String.join(",", built));
        // PR mode: the policy (deny.toml, tollgate.toml, rules and advisory data inside the repository) comes
        // from the base commit, never from the working tree the change controls. The engine is built beside
        // reading the base, unless rules directories are given: then it is built from the base's copy of
        // those inside the repository.
        boolean rulesFromBase = prMode && !policyFromHead && !options.ruleDirs().isEmpty();
        Background<Built> building = rulesFromBase ? null : engines.start(options, built, progress);
        BasePolicy policy = !prMode ? null
                : BasePolicy.open(repo, request.base(), request.head(), request.config(), options.ruleDirs(), request.advisoryDb(),
                        policyFromHead);
        try {
            if (policy != null) progress.accept("base policy read");
            EngineOptions effective = policy == null ? options : options.withRuleDirs(policy.ruleDirs());
            // the base's rules are compiled into the request's cache when the engine names none
            if (policy != null && options.cacheDir() == null && request.cacheDir() != null) effective = effective.withCacheDir(request.cacheDir());
            if (building == null) building = engines.start(effective, built, progress);
            // the custom policies are those of the rules in force (in PR mode, the base's)
            Set<String> inForce = policy == null ? custom : engines.customPolicies(effective);
            for (String id : namedCustom) if (!inForce.contains(id)) throw PolicySelectionException.unknown(id, inForce);
            RepositoryFacts.Request read = new RepositoryFacts.Request(repo, request.config(), request.metadata(), candidates,
                    namedShipped, git, advisoryDb, policy, request.cargo());
            return prepare(read, building, engines, effective, built, all, namedCustom, inForce, progress);
        } finally {
            if (policy != null) policy.close();
        }
    }

    /** A cache directory inside the repository (its real path, or its nearest existing ancestor's) is an {@link IllegalArgumentException}. */
    private static void outsideRepository(Path repo, Path cache) {
        if (cache == null) return;
        Path realRepo;
        try {
            realRepo = repo.toRealPath();
        } catch (java.io.IOException e) {
            return; // a missing repository is reported where it is read
        }
        Path abs = cache.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !java.nio.file.Files.exists(existing)) existing = existing.getParent();
        Path real = abs;
        if (existing != null) {
            try {
                real = existing.toRealPath().resolve(existing.relativize(abs));
            } catch (java.io.IOException e) {
                real = abs;
            }
        }
        if (real.startsWith(realRepo)) {
            throw new IllegalArgumentException("the cache directory " + cache + " is inside the repository under review (" + repo
                    + "); compiled rules are code, so keep their cache outside the checkout");
        }
    }

    private static Prepared prepare(RepositoryFacts.Request request, Background<Built> building, Engines engines,
                                   EngineOptions options, Set<String> built, boolean all, Set<String> namedCustom,
                                   Set<String> custom, Consumer<String> progress) {
        Set<String> namedShipped = request.named();
        Set<String> candidates = request.policies();
        RepositoryFacts.Result read = RepositoryFacts.load(request);
        progress.accept("inputs read");
        Built joined = building.get();
        PolicyEngine engine = joined.engine();
        progress.accept("engine joined");
        if (joined.lint() != null && engines instanceof Fresh fresh) fresh.lint(joined.lint());
        Set<String> wanted = new TreeSet<>(read.evaluated());
        if (!all) wanted.retainAll(namedShipped);
        if (!built.containsAll(wanted)) {
            // mayEvaluate errs towards keeping a policy, and a test holds it to load(); should they ever
            // disagree, the policy's rules are built now rather than the policy silently not checked.
            PolicyEngine again = engines.rebuild(options, candidates);
            if (again != null) {
                engine = again;
                progress.accept("engine rebuilt for every candidate policy");
            }
        }
        // Policies with rules: those built, and those left out above because they will not run (their
        // rules ship all the same, and their notes, such as policy-skipped, are still reported).
        Set<String> withRules = new TreeSet<>();
        for (FindingCode c : engine.codes()) if (Policies.isPolicy(c.policy())) withRules.add(c.policy());
        if (all && engines.partial() && options.includeBundled()) {
            for (String p : candidates) if (!built.contains(p)) withRules.add(p);
        }
        for (String p : namedShipped) {
            if (!withRules.contains(p)) {
                throw new PolicySelectionException("policy `" + p + "` has no rules loaded (policies with rules: "
                        + String.join(", ", withRules) + ")", p, new ArrayList<>(withRules));
            }
        }
        // Without names: every policy that has rules. Notes about the others are dropped.
        Set<String> evaluated = new TreeSet<>(wanted);
        evaluated.retainAll(withRules);
        Set<String> customWanted = new TreeSet<>(all ? custom : namedCustom);
        customWanted.retainAll(custom);
        evaluated.addAll(customWanted);
        if (all && evaluated.isEmpty() && read.facts().stream().noneMatch(f -> f instanceof InputNote n && n.kind().equals("missing"))) {
            // Without names, a repository where no policy finds its inputs (an empty directory, a wrong --repo) would
            // pass having checked nothing: an input error instead. Named policies say what they need themselves, and
            // inputs the change removed are findings.
            throw dev.tollgate.inputs.io.InputException.at(request.repo().toString(), "nothing to check: no policy has its inputs here ("
                    + "the Cargo policies read Cargo.lock or --metadata, workflows reads .github/, commits needs --base or --pr-title)"
                    + "; name the policies to check with --policies to be told what each needs");
        }
        List<Object> facts = new ArrayList<>(read.facts().size());
        for (Object f : read.facts()) {
            if (f instanceof InputNote n && (!withRules.contains(n.policy()) || !all && !namedShipped.contains(n.policy())
                    && !namedCustom.contains(n.policy()))) {
                continue;
            }
            facts.add(f instanceof RunContext rc ? new RunContext(evaluated, rc.lockfile(), rc.config()) : f);
        }
        return new Prepared(facts, evaluated, engine, progress);
    }
}
