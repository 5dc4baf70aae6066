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
import dev.tollgate.engine.RuleCompiler.ModelEntry;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.Rete;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
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

    private DroolsPolicyEngine(KieBase kieBase, List<FindingCode> codes, List<RuleSource> ruleSources) {
        this.kieBase = kieBase;
        this.matchedTypes = matchedTypes(kieBase);
        this.codes = codes;
        this.ruleSources = ruleSources;
        Map<String, FindingCode> index = new HashMap<>();
        for (FindingCode c : codes) index.put(c.code(), c);
        this.codeIndex = index;
        Set<String> pols = new java.util.TreeSet<>();
        for (FindingCode c : codes) if (Policies.isPolicy(c.policy())) pols.add(c.policy());
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

        if (options.includeBundled()) {
            RulesIndex bundled = bundledIndex(appLoader);
            for (ModelEntry m : bundled.models()) {
                if (customNames.contains(m.file())) continue;
                // config and pr-mode belong to no policy: they are always built
                String id = Policies.idOfPackage(m.drlPackage());
                if (!options.only().isEmpty() && !options.only().contains(id) && !id.equals("config") && !id.equals("pr-mode")) continue;
                models.add(instantiate(m, appLoader));
                sources.add(new RuleSource(m.file(), "bundled", m.sha256()));
                fileOfPackage.put(m.drlPackage(), m.file());
            }
        }
        if (!custom.isEmpty()) {
            for (RuleFile f : custom) {
                String pkg = f.drlPackage();
                if (pkg != null && fileOfPackage.containsKey(pkg)) {
                    problems.add(new Problem(f.origin(), 1, 1, "package " + pkg + " is already used by the bundled "
                            + fileOfPackage.get(pkg) + "; use another package, or name the file " + fileOfPackage.get(pkg) + " to replace it"));
                }
            }
            if (!problems.isEmpty()) throw new RulesException(problems);
            Path cacheDir = options.cacheDir() != null ? options.cacheDir() : EngineOptions.defaultCacheDir();
            CompiledRulesCache.Entry entry = new CompiledRulesCache(cacheDir).load(custom, appLoader);
            for (ModelEntry m : entry.index().models()) models.add(instantiate(m, entry.loader()));
            for (RuleFile f : custom) sources.add(new RuleSource(f.name(), f.origin(), f.sha256()));
        }

        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration();
        conf.setOption(ConsequenceExceptionHandlerOption.get(RuleErrorHandler.class));
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models, conf);
        sources.sort(Comparator.comparing(RuleSource::name));
        return new DroolsPolicyEngine(kieBase, declaredCodes(kieBase, strictDeclarations), List.copyOf(sources));
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
            throw new RulesException(List.of(new Problem(m.file(), 0, 0,
                    "cannot load the compiled rules (" + m.modelClass() + "): " + e)));
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
        Map<String, FindingCode> codes = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (FindingCode c : EngineCodes.ALL) codes.put(c.code(), c);
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                Object code = meta.get("code");
                if (code == null) continue;
                String where = "rule \"" + rule.getName() + "\" in " + pkg.getName();
                String c = unquote(code);
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
                codes.put(c, new FindingCode(c, policy == null ? Policies.idOfPackage(pkg.getName()) : policy,
                        severity, doc, rule.getName()));
            }
        }
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
        return run(facts, policies, false).verdict();
    }

    @Override
    public Derivation derive(Collection<?> facts, Set<String> selected) {
        return run(facts, selected, true);
    }

    private Derivation run(Collection<?> facts, Set<String> policies, boolean keepFacts) {
        Set<String> selected = Set.copyOf(policies);
        List<Finding> findings = new ArrayList<>();
        List<Object> kept = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            for (Object fact : facts) if (relevant(fact)) session.insert(fact);
            session.fireAllRules(match -> {
                String policy = Policies.ofPackage(match.getRule().getPackageName());
                return policy == null || selected.contains(policy);
            });
            for (Object o : session.getObjects(o -> o instanceof Finding)) findings.add((Finding) o);
            if (keepFacts) kept.addAll(session.getObjects(o -> !(o instanceof Finding)));
        } catch (RuntimeException e) {
            // A constraint that throws leaves the session unusable: keep what was found and fail closed.
            for (Object o : session.getObjects(o -> o instanceof Finding)) findings.add((Finding) o);
            findings.add(RuleErrorHandler.ruleError(ruleNameOf(e), null, e));
        } finally {
            session.dispose();
        }
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
        return new Derivation(Verdict.of(checked), kept);
    }

    private static String ruleNameOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null) continue;
            int i = m.indexOf("rule \"");
            if (i < 0) i = m.indexOf("Rule name: ");
            if (i >= 0) {
                java.util.regex.Matcher mm = Pattern.compile("rule \"([^\"]+)\"|Rule name: ([^\\n,]+)").matcher(m);
                if (mm.find()) return mm.group(1) != null ? mm.group(1) : mm.group(2).trim();
            }
        }
        return null;
    }

    /**
     * The inputs → facts → verdict path of {@code tollgate check}, for embedders: the same selection of
     * policies (named ones must have rules; without names, every policy with rules whose inputs are
     * present) and the same facts, so the verdict equals the command line's.
     */
    @Override
    public Verdict check(dev.tollgate.api.CheckRequest request) {
        Set<String> withRules = policies();
        for (String p : request.policies()) {
            if (!Policies.isPolicy(p)) {
                throw new IllegalArgumentException("unknown policy `" + p + "`; known: " + String.join(", ", Policies.ALL));
            }
            if (!withRules.contains(p)) {
                throw new IllegalArgumentException("policy `" + p + "` has no rules loaded (policies with rules: " + String.join(", ", withRules) + ")");
            }
        }
        Set<String> candidates = request.policies().isEmpty() ? new java.util.LinkedHashSet<>(Policies.ALL) : request.policies();
        dev.tollgate.inputs.RepositoryFacts.Result read = dev.tollgate.inputs.RepositoryFacts.load(
                new dev.tollgate.inputs.RepositoryFacts.Request(request.repository(), request.config(), request.metadata(),
                        candidates, request.policies()));
        Set<String> evaluated = new java.util.TreeSet<>(read.evaluated());
        evaluated.retainAll(withRules);
        List<Object> facts = new ArrayList<>(read.facts().size());
        for (Object f : read.facts()) {
            if (f instanceof dev.tollgate.api.facts.InputNote n && !withRules.contains(n.policy())) continue;
            facts.add(f instanceof dev.tollgate.api.facts.RunContext rc
                    ? new dev.tollgate.api.facts.RunContext(evaluated, rc.lockfile(), rc.config()) : f);
        }
        return evaluate(facts, evaluated);
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
