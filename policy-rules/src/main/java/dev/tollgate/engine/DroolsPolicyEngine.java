package dev.tollgate.engine;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Policies;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.RulesException;
import dev.tollgate.api.RulesException.Problem;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.engine.RulesIndex.ModelEntry;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.Rete;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import dev.tollgate.api.EngineLimits;
import dev.tollgate.api.EvaluationException;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Drools implementation of {@link PolicyEngine}: one KieBase, built from precompiled executable
 * models (the shipped rules, compiled at build time; custom rules, compiled once and cached), and
 * a fresh KieSession per evaluation.
 */
public final class DroolsPolicyEngine implements PolicyEngine {
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final KieBase kieBase;
    private final List<FindingCode> codes;
    private final Map<String, FindingCode> codeIndex;
    private final List<RuleSource> ruleSources;
    private final Set<String> policies;
    /** The fact classes some rule pattern matches on; facts of other classes cannot match anything. */
    private final Set<Class<?>> matchedTypes;
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Boolean> relevance = new java.util.concurrent.ConcurrentHashMap<>();
    /** The models of {@link #kieBase}, to build it again without a rule whose condition throws. */
    private final List<Model> models;
    private final RuleLocations locations;
    private final java.util.concurrent.ConcurrentHashMap<Set<String>, KieBase> without = new java.util.concurrent.ConcurrentHashMap<>();
    /** How long a rule may keep running after the wall-clock budget halted its session. */
    static final long GRACE_MILLIS = 3_000;
    /** Rules whose condition throws that one evaluation sets aside before it gives up. */
    private static final int MAX_FAULTY_RULES = 8;

    /** Policies of custom rule packages ({@code acme.msrv} → {@code msrv}): selected like the shipped ones. */
    private final Set<String> customPolicies;
    /** Notes every verdict carries: shipped rule files replaced by custom ones. */
    private final List<Finding> notes;
    /** What this engine was built from: {@link #check} builds another from it when PR mode reads rules from the base. */
    private final EngineOptions options;

    private DroolsPolicyEngine(EngineOptions options, KieBase kieBase, List<FindingCode> codes, List<RuleSource> ruleSources,
                               List<Model> models, RuleLocations locations, Set<String> customPolicies, List<Finding> notes) {
        this.options = options;
        this.kieBase = kieBase;
        this.customPolicies = customPolicies;
        this.notes = List.copyOf(notes);
        this.models = List.copyOf(models);
        this.locations = locations;
        this.matchedTypes = matchedTypes(kieBase);
        this.codes = codes;
        this.ruleSources = ruleSources;
        Map<String, FindingCode> index = new HashMap<>();
        for (FindingCode c : codes) index.put(c.code(), c);
        this.codeIndex = index;
        Set<String> pols = new java.util.TreeSet<>();
        for (FindingCode c : codes) if (Policies.isPolicy(c.policy())) pols.add(c.policy());
        pols.addAll(customPolicies);
        this.policies = java.util.Collections.unmodifiableSet(pols);
    }

    /** @throws RulesException when custom rules do not compile or declare codes badly */
    public static DroolsPolicyEngine create(EngineOptions options) {
        return create(options, true);
    }

    /**
     * @param strictDeclarations false for {@code rules check}, which reports badly declared codes itself
     *                           (with positions, as lint failures) and only needs the rules compiled
     */
    static DroolsPolicyEngine create(EngineOptions options, boolean strictDeclarations) {
        ClassLoader appLoader = DroolsPolicyEngine.class.getClassLoader();
        List<Model> models = new ArrayList<>();
        List<RuleSource> sources = new ArrayList<>();
        Map<String, String> fileOfPackage = new HashMap<>();
        List<RuleLocations.Source> located = new ArrayList<>();

        List<RuleFile> custom = new ArrayList<>();
        for (Path dir : options.ruleDirs()) custom.addAll(RuleFile.readDir(dir));
        Set<String> customNames = new java.util.HashSet<>();
        List<Problem> problems = new ArrayList<>();
        for (RuleFile f : custom) {
            if (!customNames.add(f.name())) {
                problems.add(new Problem(f.origin(), 0, 0, "another rules directory already has a file named " + f.name()));
            }
        }
        if (!problems.isEmpty()) throw new RulesException(problems);

        Map<String, ModelEntry> bundledByFile = new HashMap<>();
        if (options.includeBundled()) {
            RulesIndex bundled = bundledIndex(appLoader);
            for (ModelEntry m : bundled.models()) {
                bundledByFile.put(m.file(), m);
                if (customNames.contains(m.file())) continue;
                // a custom package may not reuse a shipped one, whether or not this engine builds it
                fileOfPackage.put(m.drlPackage(), m.file());
                // config and pr-mode belong to no policy: they are always built
                String id = Policies.idOfPackage(m.drlPackage());
                if (!options.only().isEmpty() && !options.only().contains(id) && !id.equals("config") && !id.equals("pr-mode")) continue;
                models.add(instantiate(m, appLoader));
                sources.add(new RuleSource(m.file(), "bundled", m.sha256()));
                located.add(new RuleLocations.Source("rules/" + m.file(), null, RulesIndex.BUNDLED_DRL_DIR + m.file()));
            }
        }
        Set<String> customPackages = new java.util.HashSet<>();
        List<Finding> notes = new ArrayList<>();
        Map<RuleFile, ModelEntry> replacing = new LinkedHashMap<>();
        if (!custom.isEmpty()) {
            for (RuleFile f : custom) {
                String pkg = f.drlPackage();
                if (pkg != null) customPackages.add(pkg);
                ModelEntry shipped = bundledByFile.get(f.name());
                if (shipped != null) {
                    // Replacing a shipped file is allowed, but never silently, and never so that its policy disappears.
                    if (!shipped.drlPackage().equals(pkg)) {
                        problems.add(new Problem(f.origin(), 1, 1, "replaces the shipped " + f.name() + " (package " + shipped.drlPackage()
                                + ") but declares " + (pkg == null ? "no package" : "package " + pkg) + ", which would drop the "
                                + shipped.drlPackage() + " rules; declare package " + shipped.drlPackage()
                                + ", or give the file another name to add rules beside the shipped ones"));
                    }
                    replacing.put(f, shipped);
                } else if (pkg != null && fileOfPackage.containsKey(pkg)) {
                    problems.add(new Problem(f.origin(), 1, 1, "package " + pkg + " is already used by the bundled "
                            + fileOfPackage.get(pkg) + "; use another package, or name the file " + fileOfPackage.get(pkg) + " to replace it"));
                }
            }
            if (!problems.isEmpty()) throw new RulesException(problems);
            // the compiler is a separate artifact (policy-rules-compiler), needed only here
            CustomRulesCompiler compiler = CustomRulesCompiler.find(custom);
            CustomRulesCompiler.Compiled compiled;
            if (options.factClassLoader() == null) {
                Path cacheDir = options.cacheDir() != null ? options.cacheDir() : EngineOptions.defaultCacheDir();
                compiled = compiler.compile(custom, cacheDir, appLoader);
            } else {
                // the embedder's fact classes: compiled against its loader, loaded through it; not cached, since
                // the compiled rules depend on classes whose content the cache key cannot include
                compiled = compiler.compile(custom, new FactClassLoader(options.factClassLoader(), appLoader));
            }
            for (ModelEntry m : compiled.index().models()) models.add(instantiate(m, compiled.loader()));
            for (RuleFile f : custom) sources.add(new RuleSource(f.name(), f.origin(), f.sha256()));
            for (RuleFile f : custom) located.add(new RuleLocations.Source(f.origin(), f.content(), null));
        }

        KieBase kieBase = kieBaseOf(models);
        for (Map.Entry<RuleFile, ModelEntry> r : replacing.entrySet()) {
            RuleFile f = r.getKey();
            String pkg = r.getValue().drlPackage();
            KiePackage kp = kieBase.getKiePackage(pkg);
            if (kp == null || kp.getRules().isEmpty()) {
                problems.add(new Problem(f.origin(), 1, 1, "replaces the shipped " + f.name() + " with no rules: the "
                        + pkg.substring(pkg.lastIndexOf('.') + 1) + " policy would check nothing; keep at least one rule in package " + pkg));
                continue;
            }
            notes.add(Finding.of(EngineCodes.ENGINE, EngineCodes.SHIPPED_RULES_REPLACED, Severity.NOTE,
                            "the shipped rules/" + f.name() + " is replaced by " + f.origin() + ": the "
                                    + pkg.substring(pkg.lastIndexOf('.') + 1) + " policy is decided by that file, not by Tollgate's rules")
                    .at(dev.tollgate.api.facts.Location.file(f.origin()))
                    .about(f.name())
                    .with("replacedBy", f.origin()));
        }
        if (!problems.isEmpty()) throw new RulesException(problems);
        sources.sort(Comparator.comparing(RuleSource::name));
        return new DroolsPolicyEngine(options, kieBase, declaredCodes(kieBase, strictDeclarations, customPackages), List.copyOf(sources), models,
                new RuleLocations(located, appLoader), customPolicies(customPackages), notes);
    }

    /** The policy ids of custom packages: their last segment, unless it is a shipped policy, a plan or always runs. */
    static Set<String> customPolicies(Set<String> customPackages) {
        Set<String> ids = new java.util.TreeSet<>();
        for (String pkg : customPackages) {
            String id = Policies.idOfPackage(pkg);
            if (isCustomPolicyId(id)) ids.add(id);
        }
        return java.util.Collections.unmodifiableSet(ids);
    }

    /** Whether a custom package's last segment makes a policy of its own: not a shipped policy or plan, not {@code config}, {@code engine}. */
    public static boolean isCustomPolicyId(String id) {
        return KEBAB.matcher(id).matches() && Policies.ofPackage(id) == null && !id.equals("config") && !id.equals(EngineCodes.ENGINE)
                && !id.equals("versions") && !id.equals("pr-mode");
    }

    private static KieBase kieBaseOf(List<Model> models) {
        KieBaseConfiguration conf = org.drools.core.impl.RuleBaseFactory.newKnowledgeBaseConfiguration();
        conf.setOption(ConsequenceExceptionHandlerOption.get(RuleErrorHandler.class));
        return KieBaseBuilder.createKieBaseFromModel(models, conf);
    }

    private static Set<Class<?>> matchedTypes(KieBase kieBase) {
        Set<Class<?>> types = new java.util.HashSet<>();
        Rete rete = ((InternalRuleBase) kieBase).getRete();
        for (ObjectType type : rete.getObjectTypeNodes(EntryPointId.DEFAULT).keySet()) {
            if (type instanceof ClassObjectType c) types.add(c.getClassType());
        }
        return Set.copyOf(types);
    }

    /**
     * Whether some rule can match a fact of this class. Inserting facts no pattern mentions (the
     * dependency edges, when only the sources policy runs) costs time on every run and changes no
     * result, so they are left out.
     */
    private boolean relevant(Object fact) {
        return relevance.computeIfAbsent(fact.getClass(), c -> {
            for (Class<?> t : matchedTypes) if (t.isAssignableFrom(c)) return true;
            return false;
        });
    }

    static RulesIndex bundledIndex(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RulesIndex.BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new RulesException(List.of(new Problem(RulesIndex.BUNDLED_RESOURCE, 0, 0,
                        "the bundled rules are missing from the class path (was policy-rules built with Maven?)")));
            }
            return RulesIndex.read(in);
        } catch (IOException e) {
            throw new RulesException(List.of(new Problem(RulesIndex.BUNDLED_RESOURCE, 0, 0, e.getMessage())));
        }
    }

    private static Model instantiate(ModelEntry m, ClassLoader loader) {
        try {
            return (Model) Class.forName(m.modelClass(), true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            // the cause, not the reflection's wrapper: a class the rules use that no loader has, or a fact
            // class whose static initializer throws
            Throwable cause = e;
            while ((cause instanceof java.lang.reflect.InvocationTargetException || cause instanceof ExceptionInInitializerError)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            String why = cause instanceof NoClassDefFoundError || cause instanceof ClassNotFoundException
                    ? "the class " + String.valueOf(cause.getMessage()).replace('/', '.') + " that the rules use cannot be loaded"
                      + " (fact classes of your own: name their class loader with EngineOptions.withFactClassLoader)"
                    : cause.toString();
            throw new RulesException(List.of(new Problem(m.file(), 0, 0,
                    "cannot load the compiled rules (" + m.modelClass() + "): " + why)));
        }
    }

    /**
     * Reads the {@code @code}, {@code @severity} and {@code @doc} metadata of every rule: the one place
     * each finding code is declared. A rule without {@code @code} derives facts and emits nothing.
     */
    static List<FindingCode> declaredCodes(KieBase kieBase) {
        return declaredCodes(kieBase, true);
    }

    static List<FindingCode> declaredCodes(KieBase kieBase, boolean strict) {
        return declaredCodes(kieBase, strict, Set.of());
    }

    /** @param customPackages packages of custom rules: their codes link to their {@code @url}, or to nothing */
    static List<FindingCode> declaredCodes(KieBase kieBase, boolean strict, Set<String> customPackages) {
        Map<String, FindingCode> codes = new TreeMap<>();
        Map<String, String> references = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (FindingCode c : EngineCodes.ALL) codes.put(c.code(), c);
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                Object code = meta.get("code");
                if (code == null) continue;
                String where = "rule \"" + rule.getName() + "\" in " + pkg.getName();
                String c = unquote(code);
                if (meta.get("severity") == null && meta.get("doc") == null) {
                    // @code alone: the rule emits a code that another rule declares.
                    references.put(c, where);
                    continue;
                }
                Severity severity = Severity.parse(unquote(meta.get("severity")));
                String doc = unquote(meta.get("doc"));
                if (!KEBAB.matcher(c).matches()) problems.add(new Problem(pkg.getName(), 0, 0, where + ": code `" + c + "` is not kebab-case"));
                if (severity == null) problems.add(new Problem(pkg.getName(), 0, 0, where + ": @severity must be error, warning or note"));
                if (doc == null || doc.isBlank()) problems.add(new Problem(pkg.getName(), 0, 0, where + ": @doc is missing"));
                FindingCode previous = codes.get(c);
                if (previous != null) {
                    problems.add(new Problem(pkg.getName(), 0, 0, where + ": code `" + c + "` is already declared by "
                            + (previous.rule() == null ? "the engine" : "rule \"" + previous.rule() + "\"")));
                    continue;
                }
                String policy = Policies.ofPackage(pkg.getName());
                String url = unquote(meta.get("url"));
                codes.put(c, new FindingCode(c, policy == null ? Policies.idOfPackage(pkg.getName()) : policy,
                        severity, doc, rule.getName(), customPackages.contains(pkg.getName())
                        ? (url == null || url.isBlank() ? FindingCode.NO_URL : url) : null));
            }
        }
        references.forEach((c, where) -> {
            if (!codes.containsKey(c)) {
                problems.add(new Problem(where.substring(where.lastIndexOf(' ') + 1), 0, 0, where + ": @code(\"" + c
                        + "\") alone names a code that no rule declares with @severity and @doc"));
            }
        });
        if (strict && !problems.isEmpty()) throw new RulesException(problems);
        return List.copyOf(codes.values());
    }

    private static String unquote(Object o) {
        if (o == null) return null;
        String s = o.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    @Override
    public Verdict evaluate(Collection<?> facts, Set<String> policies) {
        java.util.Objects.requireNonNull(facts, "facts");
        requireKnown(java.util.Objects.requireNonNull(policies, "policies"));
        for (String id : policies) {
            // a plan derives facts a plan command reads; evaluate returns findings only, so a plan here is a mistake
            if (Policies.isPlan(id)) {
                throw new IllegalArgumentException("`" + id + "` is a plan, not a policy: evaluate runs policies ("
                        + String.join(", ", policies()) + "); derive(facts, Set.of(\"" + id + "\")) runs plans");
            }
        }
        return run(facts, policies, false).verdict();
    }

    @Override
    public Derivation derive(Collection<?> facts, Set<String> selected) {
        java.util.Objects.requireNonNull(facts, "facts");
        requireKnown(java.util.Objects.requireNonNull(selected, "selected"));
        return run(facts, selected, true);
    }

    /** Every id a shipped policy or plan, or a policy of this engine's custom rules; else {@link IllegalArgumentException}. */
    private void requireKnown(Set<String> ids) {
        for (String id : ids) {
            java.util.Objects.requireNonNull(id, "policies contains null");
            if (!Policies.isPolicy(id) && !Policies.isPlan(id) && !customPolicies.contains(id)) {
                throw CheckRun.PolicySelectionException.unknown(id, customPolicies);
            }
        }
    }

    private Derivation run(Collection<?> input, Set<String> policies, boolean keepFacts) {
        Set<String> selected = Set.copyOf(policies);
        EngineLimits limits = EngineLimits.DEFAULTS;
        List<Object> facts = new ArrayList<>(input.size());
        for (Object o : input) {
            if (o instanceof EngineLimits l) limits = l;
            else if (relevant(o)) facts.add(o);
        }
        AgendaFilter filter = match -> {
            String policy = policyOf(match.getRule().getPackageName());
            return policy == null || selected.contains(policy);
        };
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        Set<String> excluded = new java.util.LinkedHashSet<>();
        List<Finding> errors = new ArrayList<>();
        List<dev.tollgate.api.findings.Repeat> perFiring = new ArrayList<>();
        Evaluation ev;
        while (true) {
            KieBase base = excluded.isEmpty() ? kieBase : without.computeIfAbsent(Set.copyOf(excluded), this::kieBaseWithout);
            ev = new Evaluation(limits.firingsBudget(facts.size()), limits.factsBudget(facts.size()), made);
            boolean returned;
            try {
                returned = ev.runWithin(base, facts, filter, keepFacts, deadline, GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EvaluationException("the evaluation was interrupted before its verdict");
            }
            if (!returned) {
                Rule r = ev.current;
                throw new EvaluationException((r == null ? "a rule" : "rule \"" + r.getName() + "\" (" + where(r) + ")")
                        + " did not return within the wall-clock budget of " + limits.timeout().toSeconds()
                        + " s (timeout-seconds in tollgate.toml [engine]); the evaluation ended without a verdict");
            }
            if (ev.outOfMemory) {
                throw new EvaluationException("the rules exhausted the memory (" + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MiB) after " + ev.objects + " objects in working memory and " + ev.firings
                        + " firings; the evaluation ended without a verdict");
            }
            // One per firing (a consequence that threw, a finding deleted or changed): a looping rule makes
            // hundreds of thousands, so they are grouped per rule like any repeat (more than 10: one with the count).
            for (Finding f : ev.engineFindings) {
                Object rule = f.data().get("rule");
                Object file = f.data().get("ruleFile");
                String group = "rule-error findings of " + (rule == null ? "rules" : "rule \"" + rule + "\"")
                        + (file == null ? "" : " (" + file + ")");
                perFiring.add(dev.tollgate.api.findings.Repeat.of(group, f.message(), f));
            }
            if (ev.exceeded != null) {
                // A loop: report it, and evaluate again without the rule that drove it (the one inserting when
                // the memory cap was hit, else the one that fired most), so the other rules' findings are reported.
                Rule driver = ev.exceeded == Evaluation.Budget.FACTS && ev.current != null ? ev.current
                        : ev.topRules(1).isEmpty() ? null : ev.topRules(1).get(0).getKey();
                boolean again = ev.exceeded != Evaluation.Budget.TIME && driver != null && excluded.size() < MAX_FAULTY_RULES
                        && System.nanoTime() < deadline && excluded.add(key(driver.getPackageName(), driver.getName()));
                errors.add(budgetFinding(ev, limits, facts.size(), again ? driver : null));
                if (again) continue;
                break;
            }
            if (ev.failure == null) break;
            Rule faulty = faultyRule(ev);
            if (faulty == null || excluded.size() >= MAX_FAULTY_RULES || System.nanoTime() > deadline) {
                // The session is unusable and the rule cannot be set aside: keep what was found and fail closed.
                errors.add(faulty == null ? RuleErrorHandler.ruleError(ruleNameOf(ev.failure), null, ev.failure)
                        : made.ruleError(faulty, null, ev.failure));
                break;
            }
            // A condition (or an Error in a consequence) stopped the session: report the rule, with the fact it
            // failed on, and evaluate again without it, so every other rule's findings are still reported.
            FactLabels.Described fact = ev.current == null ? culprit(faulty, facts, deadline) : null;
            errors.add(RuleErrorHandler.ruleError(faulty.getName(), faulty.getPackageName(), where(faulty), fact, ev.failure));
            excluded.add(key(faulty.getPackageName(), faulty.getName()));
        }
        List<Finding> findings = new ArrayList<>(ev.findings);
        findings.addAll(dev.tollgate.api.findings.Repeat.collapse(ev.repeats));
        findings.addAll(errors);
        findings.addAll(dev.tollgate.api.findings.Repeat.collapse(perFiring));
        findings.addAll(notes);
        List<Finding> checked = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            FindingCode declared = codeIndex.get(f.code());
            if (declared == null) {
                checked.add(Finding.of(f.policy(), EngineCodes.UNDECLARED_CODE, Severity.ERROR,
                                "a rule emitted code `" + f.code() + "`, which no rule declares; its finding: " + f.message())
                        .at(f.location()).about(f.subject()).with("code", f.code()));
            } else {
                checked.add(f);
            }
        }
        Set<String> ran = new java.util.TreeSet<>(selected);
        ran.removeIf(Policies::isPlan);
        return new Derivation(Verdict.of(checked, ran), ev.kept);
    }

    /** The policy or plan of a rule package; null for packages that always run. */
    private String policyOf(String pkg) {
        String p = Policies.ofPackage(pkg);
        if (p != null || pkg == null) return p;
        String last = Policies.idOfPackage(pkg);
        return customPolicies.contains(last) ? last : null;
    }

    /** The policies of custom rule packages. */
    public Set<String> customPolicies() {
        return customPolicies;
    }

    private final Evaluation.RuleFindings made = new Evaluation.RuleFindings() {
        @Override
        public Finding ruleError(Rule rule, List<Object> facts, Throwable e) {
            return RuleErrorHandler.ruleError(rule.getName(), rule.getPackageName(), where(rule), FactLabels.first(facts), e);
        }

        @Override
        public Finding tampered(Rule rule, String how, Finding finding) {
            String policy = rule == null ? null : Policies.ofPackage(rule.getPackageName());
            RuleLocations.Where w = rule == null ? null : where(rule);
            String what = finding.code() + (finding.subject() == null ? "" : " " + finding.subject());
            Finding f = Finding.of(policy == null ? EngineCodes.ENGINE : policy, EngineCodes.RULE_ERROR, Severity.ERROR,
                            (rule == null ? "a rule" : "rule \"" + rule.getName() + "\" (" + w + ")") + " " + how + " a finding ("
                                    + what + "); findings cannot be taken back, so it is reported as it was inserted, and the gate fails")
                    .about(rule == null ? null : rule.getName())
                    .with("rule", rule == null ? null : rule.getName())
                    .with("package", rule == null ? null : rule.getPackageName())
                    .with("ruleFile", w == null ? null : w.toString())
                    .with("finding", what);
            return w != null && w.line() > 0 ? f.at(dev.tollgate.api.facts.Location.of(w.file(), w.line(), 1)) : f;
        }
    };

    private RuleLocations.Where where(Rule rule) {
        RuleLocations.Where w = locations.of(rule.getPackageName(), rule.getName());
        return w != null ? w : new RuleLocations.Where(rule.getPackageName(), 0);
    }

    /** @param setAside the rule the evaluation ran again without, or null */
    private Finding budgetFinding(Evaluation ev, EngineLimits limits, int facts, Rule setAside) {
        StringBuilder top = new StringBuilder();
        List<Map.Entry<Rule, long[]>> most = ev.topRules(3);
        List<String> named = new ArrayList<>();
        for (Map.Entry<Rule, long[]> e : most) {
            String one = "\"" + e.getKey().getName() + "\" (" + where(e.getKey()) + ") " + e.getValue()[0] + " times";
            named.add(one);
            top.append(top.length() == 0 ? "" : ", ").append(one);
        }
        String why = switch (ev.exceeded) {
            case FIRINGS -> "after " + ev.firings + " rule firings, the budget for " + facts + " facts (max-firings in tollgate.toml [engine])";
            case FACTS -> "when working memory reached " + limits.factsBudget(facts) + " objects (max-facts in tollgate.toml [engine])";
            case TIME -> "after " + limits.timeout().toSeconds() + " s, the wall-clock budget (timeout-seconds in tollgate.toml [engine]), and "
                    + ev.firings + " firings";
        };
        Finding f = Finding.of(EngineCodes.ENGINE, EngineCodes.RULE_BUDGET_EXCEEDED, Severity.ERROR,
                        "the rules were stopped " + why + "; the evaluation is incomplete, so the gate fails"
                                + (most.isEmpty() ? "" : "; the rules that fired most: " + top)
                                + (setAside == null ? "" : "; the other rules were evaluated again without \"" + setAside.getName() + "\""))
                .with("budget", ev.exceeded.name().toLowerCase(java.util.Locale.ROOT))
                .with("firings", ev.firings)
                .with("rules", named)
                .with("setAside", setAside == null ? null : setAside.getName());
        if (!most.isEmpty()) {
            Rule first = most.get(0).getKey();
            RuleLocations.Where w = where(first);
            f = f.about(first.getName());
            if (w.line() > 0) f = f.at(dev.tollgate.api.facts.Location.of(w.file(), w.line(), 1));
        }
        return f;
    }

    /** The rule that stopped the session: the one a condition's exception names, else the one whose consequence was running. */
    private Rule faultyRule(Evaluation ev) {
        String name = ruleNameOf(ev.failure);
        if (name != null) {
            for (KiePackage p : kieBase.getKiePackages()) {
                for (Rule r : p.getRules()) if (r.getName().equals(name)) return r;
            }
        }
        return ev.current;
    }

    /**
     * The fact a rule's condition throws on: the rule alone, given the facts one at a time until its
     * condition throws (nothing fires). Only after a condition failed; null when no single fact does it
     * (the rule matched facts other rules derive) or time ran out.
     */
    private FactLabels.Described culprit(Rule rule, List<Object> facts, long deadline) {
        KieBase one;
        try {
            one = without.computeIfAbsent(Set.of("\u0001only", key(rule.getPackageName(), rule.getName())), k -> kieBaseOnly(rule));
        } catch (RuntimeException e) {
            return null;
        }
        KieSession s = one.newKieSession();
        try {
            for (Object fact : facts) {
                if (System.nanoTime() > deadline) return null;
                try {
                    s.insert(fact);
                    s.fireAllRules(m -> false);
                } catch (RuntimeException e) {
                    return FactLabels.describe(fact);
                }
            }
            return null;
        } finally {
            s.dispose();
        }
    }

    private static String key(String pkg, String rule) {
        return pkg + '\u0000' + rule;
    }

    private KieBase kieBaseWithout(Set<String> keys) {
        List<Model> filtered = new ArrayList<>(models.size());
        for (Model m : models) filtered.add(new FilteredModel(m, r -> !keys.contains(key(m.getPackageName(), r.getName()))));
        return kieBaseOf(filtered);
    }

    private KieBase kieBaseOnly(Rule rule) {
        String wanted = key(rule.getPackageName(), rule.getName());
        List<Model> filtered = new ArrayList<>();
        for (Model m : models) {
            FilteredModel f = new FilteredModel(m, r -> wanted.equals(key(m.getPackageName(), r.getName())));
            if (!f.getRules().isEmpty()) filtered.add(f);
        }
        return kieBaseOf(filtered);
    }

    private static String ruleNameOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null) continue;
            java.util.regex.Matcher mm = Pattern.compile("[Rr]ule \"([^\"]+)\"|Rule name: ([^\\n,]+)").matcher(m);
            if (mm.find()) return mm.group(1) != null ? mm.group(1) : mm.group(2).trim();
            if (t.getCause() == t) break;
        }
        return null;
    }

    /**
     * The inputs → facts → verdict path of {@code tollgate check}, for embedders: {@link CheckRun#run}, the
     * one the command line takes, with this engine's rules (in PR mode, rules directories inside the
     * repository are read from the base, and an engine is built from them).
     */
    @Override
    public Verdict check(dev.tollgate.api.CheckRequest request) {
        java.util.Objects.requireNonNull(request, "request");
        return CheckRun.run(request, options, CheckRun.Engines.of(this, options)).verdict();
    }

    /**
     * The facts {@link #check} would evaluate: {@link CheckRun#facts}, the same path without the evaluation.
     */
    @Override
    public dev.tollgate.api.CheckFacts facts(dev.tollgate.api.CheckRequest request) {
        java.util.Objects.requireNonNull(request, "request");
        return CheckRun.facts(request, options, CheckRun.Engines.of(this, options));
    }

    @Override
    public Set<String> policies() {
        return policies;
    }

    @Override
    public List<FindingCode> codes() {
        return codes;
    }

    @Override
    public List<RuleSource> ruleSources() {
        return ruleSources;
    }

    /** The rules of the loaded KieBase by package, for {@code rules check}. */
    public Map<String, List<String>> rulesByPackage() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            List<String> names = p.getRules().stream().map(Rule::getName).sorted().toList();
            if (!names.isEmpty()) out.put(p.getName(), names);
        }
        return out;
    }
}
