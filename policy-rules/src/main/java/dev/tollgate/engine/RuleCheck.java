package dev.tollgate.engine;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.RulesException;
import dev.tollgate.api.RulesException.Problem;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.engine.RulesIndex.ModelEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tollgate rules check}: compiles the bundled rules and those of the given directories, then
 * lints all of them. Compile errors and lint failures are separate so the command can exit 2 for
 * the first and 1 for the second.
 *
 * <p>The lint reads the DRL text (comments blanked, positions kept) rather than Drools' descriptors,
 * because it must point at the exact {@code Finding.of(} that emits an undeclared code:
 * <ul>
 *   <li>every file declares {@code package tollgate.<policy>;} (the last segment is the policy id);</li>
 *   <li>a rule that declares a code has {@code @code}, {@code @severity} (error, warning or note) and a
 *       non-empty {@code @doc}; the code is kebab-case and declared once across all files. A rule with
 *       {@code @code} alone emits a code another rule declares, which must exist;</li>
 *   <li>a rule that emits with {@code Findings.of(drools, …)} (identity from its metadata) has {@code @code};</li>
 *   <li>no two rules share a name, in any file;</li>
 *   <li>every {@code Finding.of(POLICY, "code", ...)} names a declared code, and a literal policy is the file's;</li>
 *   <li>a file names only the API ({@code dev.tollgate.api}) and the helpers meant for rules
 *       ({@code dev.tollgate.rules}): an import or a use of {@code dev.tollgate.inputs} (the extractors) or
 *       {@code dev.tollgate.engine} is reported at its line, in shipped and custom files alike;</li>
 *   <li>warnings (reported, not failing): a code that is not a literal (cannot be checked statically), a
 *       declared code that no rule emits.</li>
 * </ul>
 */
public final class RuleCheck {
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([A-Za-z_][\\w.]*)\\s*;?");
    private static final Pattern POLICY_PACKAGE = Pattern.compile("tollgate\\.[a-z][a-z0-9_]*");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]*)\"|'([^']*)'|([\\w-]+))");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\s*$");
    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern META = Pattern.compile("@(code|severity|doc)\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern EMIT = Pattern.compile("\\bFinding\\s*\\.\\s*of\\s*\\(");
    /** {@code Findings.of(drools…)}: the finding's identity is the emitting rule's metadata. */
    private static final Pattern EMIT_OWN = Pattern.compile("\\bFindings\\s*\\.\\s*of\\s*\\(\\s*drools\\b");
    /** A DRL function; one whose body calls {@code Finding.of(} emits the code its caller passes first. */
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** A name in Tollgate's internals: the extractors or the engine, which are no contract for rules. */
    private static final Pattern INTERNAL = Pattern.compile("\\bdev\\s*\\.\\s*tollgate\\s*\\.\\s*(inputs|engine)\\b[\\w.*]*");

    private RuleCheck() {
    }

    /**
     * @param compileErrors DRL that does not compile (exit 2)
     * @param failures      lint failures (exit 1)
     * @param warnings      reported, never failing
     */
    public record Report(List<Problem> compileErrors, List<Problem> failures, List<Problem> warnings,
                         int files, int rules, int codes) {
    }

    /** One rule as the lint sees it. */
    record RuleText(String origin, String name, int line, int column, Map<String, Meta> meta,
                    List<Emit> emits, Meta ownEmit) {
        /** {@code @code} alone: the rule emits a code that another rule declares. */
        boolean references() {
            return meta.containsKey("code") && !meta.containsKey("severity") && !meta.containsKey("doc");
        }
    }

    record Meta(String value, int line, int column) {
    }

    /** {@code Finding.of(policy, code, ...)}: the two first arguments as written. */
    record Emit(String policy, String code, int line, int column) {
    }

    public static Report run(EngineOptions options) {
        List<Problem> compile = new ArrayList<>();
        try {
            DroolsPolicyEngine.create(options, false);
        } catch (RulesException e) {
            compile.addAll(e.problems());
        }
        return report(options, compile);
    }

    /**
     * The lint alone, for a caller that has just built an engine from the same rule directories
     * ({@code check --rules}): the custom files compiled (or came from the compiled-rules cache,
     * checked) there, so compiling them again into a second KieBase with every shipped rule would
     * only repeat that work. The report has no compile errors; the text checks are those of
     * {@link #run}, over the same files (every shipped file not replaced, whatever the engine built).
     */
    public static Report lint(EngineOptions options) {
        return report(options, List.of());
    }

    private static Report report(EngineOptions options, List<Problem> compile) {
        List<Parsed> files = parsed(options);
        List<Problem> failures = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<RuleText> rules = new ArrayList<>();
        Map<String, String> policyOfFile = new LinkedHashMap<>();
        for (Parsed f : files) {
            String pkg = f.pkg();
            if (pkg == null) {
                failures.add(new Problem(f.origin(), 1, 1, "no `package` declaration; write `package tollgate.<policy>;`"));
            } else if (!POLICY_PACKAGE.matcher(pkg).matches()) {
                failures.add(new Problem(f.origin(), f.pkgLine(), f.pkgColumn(), "package `" + pkg
                        + "` is not `tollgate.<policy>` (lower case; its last segment is the policy id)"));
            }
            policyOfFile.put(f.origin(), pkg == null ? null : dev.tollgate.api.Policies.idOfPackage(pkg));
            for (Meta m : f.internals()) {
                failures.add(new Problem(f.origin(), m.line(), m.column(), "`" + m.value() + "` is Tollgate's "
                        + (m.value().startsWith("dev.tollgate.inputs") ? "extractor" : "engine") + " code, not API: rules may use "
                        + "dev.tollgate.api.* and dev.tollgate.rules.* only (ask for a fact instead, see docs/authoring.md)"));
            }
            rules.addAll(f.rules());
        }

        // Declarations.
        Map<String, RuleText> declared = new LinkedHashMap<>();
        Set<String> engineCodes = new HashSet<>();
        for (FindingCode c : EngineCodes.ALL) engineCodes.add(c.code());
        Map<String, RuleText> names = new LinkedHashMap<>();
        for (RuleText r : rules) {
            RuleText other = names.putIfAbsent(r.name(), r);
            if (other != null) {
                failures.add(new Problem(r.origin(), r.line(), r.column(), "rule \"" + r.name() + "\" has the same name as the rule at "
                        + other.origin() + ":" + other.line() + "; rule names must be unique"));
            }
            Meta code = r.meta().get("code");
            Meta sev = r.meta().get("severity");
            Meta doc = r.meta().get("doc");
            if (code == null) {
                for (String k : List.of("severity", "doc")) {
                    Meta m = r.meta().get(k);
                    if (m != null) failures.add(new Problem(r.origin(), m.line(), m.column(),
                            "rule \"" + r.name() + "\" has @" + k + " but no @code"));
                }
                if (r.ownEmit() != null) {
                    failures.add(new Problem(r.origin(), r.ownEmit().line(), r.ownEmit().column(), "rule \"" + r.name()
                            + "\" emits a finding with Findings.of(drools, …) but has no @code; declare @code, @severity and @doc, "
                            + "or @code alone to emit a code another rule declares"));
                }
                continue;
            }
            if (r.references()) continue;
            if (!KEBAB.matcher(code.value()).matches()) {
                failures.add(new Problem(r.origin(), code.line(), code.column(), "code `" + code.value() + "` is not kebab-case (a-z, 0-9, -)"));
            }
            if (sev == null) {
                failures.add(new Problem(r.origin(), r.line(), r.column(), "rule \"" + r.name() + "\" declares @code(\"" + code.value()
                        + "\") without @severity(\"error|warning|note\")"));
            } else if (Severity.parse(sev.value()) == null || sev.value().equals("warn")) {
                failures.add(new Problem(r.origin(), sev.line(), sev.column(), "@severity is error, warning or note, not `" + sev.value() + "`"));
            }
            if (doc == null || doc.value().isBlank()) {
                failures.add(new Problem(r.origin(), doc == null ? r.line() : doc.line(), doc == null ? r.column() : doc.column(),
                        "rule \"" + r.name() + "\" declares @code(\"" + code.value() + "\") without a @doc(\"one line for `tollgate explain`\")"));
            }
            if (engineCodes.contains(code.value())) {
                failures.add(new Problem(r.origin(), code.line(), code.column(), "code `" + code.value() + "` is reserved by the engine"));
            }
            RuleText first = declared.putIfAbsent(code.value(), r);
            if (first != null) {
                failures.add(new Problem(r.origin(), code.line(), code.column(), "code `" + code.value() + "` is already declared by rule \""
                        + first.name() + "\" (" + first.origin() + ":" + first.line() + "); declare each code once"));
            }
        }

        // References: @code alone names a code another rule declares.
        for (RuleText r : rules) {
            if (!r.references()) continue;
            Meta code = r.meta().get("code");
            if (!declared.containsKey(code.value()) && !engineCodes.contains(code.value())) {
                failures.add(new Problem(r.origin(), code.line(), code.column(), "rule \"" + r.name() + "\" has @code(\"" + code.value()
                        + "\") alone, but no rule declares that code; add @severity(\"error|warning|note\") and @doc(\"…\") to declare it"));
            }
        }

        // Emissions.
        Set<String> emitted = new HashSet<>();
        for (RuleText r : rules) {
            if (r.ownEmit() != null && r.meta().containsKey("code")) emitted.add(r.meta().get("code").value());
        }
        boolean allLiteral = true;
        for (RuleText r : rules) {
            String filePolicy = policyOfFile.get(r.origin());
            for (Emit e : r.emits()) {
                String code = literal(e.code());
                if (code == null) {
                    allLiteral = false;
                    warnings.add(new Problem(r.origin(), e.line(), e.column(), "rule \"" + r.name() + "\" emits a code that is not a string literal ("
                            + e.code() + "); it cannot be checked before the rule runs"));
                    continue;
                }
                emitted.add(code);
                if (!declared.containsKey(code) && !engineCodes.contains(code)) {
                    failures.add(new Problem(r.origin(), e.line(), e.column(), "rule \"" + r.name() + "\" emits code `" + code
                            + "`, which no rule declares; add @code(\"" + code + "\"), @severity and @doc to the rule"));
                }
                String policy = literal(e.policy());
                if (policy != null && filePolicy != null && !policy.equals(filePolicy) && !"config".equals(filePolicy)) {
                    failures.add(new Problem(r.origin(), e.line(), e.column(), "rule \"" + r.name() + "\" emits a finding of policy `" + policy
                            + "` from package tollgate." + filePolicy + "; a finding belongs to its file's policy"));
                }
            }
        }
        if (allLiteral) {
            for (Map.Entry<String, RuleText> d : declared.entrySet()) {
                if (!emitted.contains(d.getKey())) {
                    Meta m = d.getValue().meta().get("code");
                    warnings.add(new Problem(d.getValue().origin(), m.line(), m.column(), "code `" + d.getKey() + "` is declared but no rule emits it"));
                }
            }
        }
        java.util.Comparator<Problem> order = java.util.Comparator.comparing(Problem::file)
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column);
        failures.sort(order);
        warnings.sort(order);
        return new Report(List.copyOf(compile), List.copyOf(failures), List.copyOf(warnings), files.size(), rules.size(), declared.size());
    }

    /**
     * What the lint reads of one file: its package (null when it has none) and where it is written, and
     * its rules.
     */
    public record Parsed(String origin, String pkg, int pkgLine, int pkgColumn, List<RuleText> rules, List<Meta> internals) {
    }

    public static Parsed parse(RuleFile f) {
        String text = RuleFile.stripComments(f.content());
        Matcher pm = PACKAGE.matcher(text);
        if (!pm.find()) return new Parsed(f.origin(), null, 0, 0, rules(f, text), internals(text));
        int[] lc = lineCol(text, pm.start(1));
        return new Parsed(f.origin(), pm.group(1), lc[0], lc[1], rules(f, text), internals(text));
    }

    /**
     * Every name of {@code dev.tollgate.inputs} or {@code dev.tollgate.engine} in a file's text (an
     * import or a qualified use), with where it is: rules may use the API and {@code dev.tollgate.rules} only.
     */
    static List<Meta> internals(String text) {
        List<Meta> out = new ArrayList<>();
        Matcher m = INTERNAL.matcher(text);
        while (m.find()) {
            int[] lc = lineCol(text, m.start());
            out.add(new Meta(m.group().replaceAll("\\s+", ""), lc[0], lc[1]));
        }
        return out;
    }

    /**
     * The files of {@link #files}, parsed. The shipped files come parsed from {@link LintIndex} (written
     * when they were compiled), so a {@code check --rules} reads and parses only the custom files: parsing
     * every shipped file again on each run cost ~0.15 s of a cold run's CPU. Without the index (a class path
     * that has the sources but not the index), the shipped sources are parsed.
     */
    static List<Parsed> parsed(EngineOptions options) {
        List<Parsed> index = options.includeBundled() ? LintIndex.read(RuleCheck.class.getClassLoader()) : null;
        if (index == null) return files(options).stream().map(RuleCheck::parse).toList();
        List<RuleFile> custom = customFiles(options);
        Set<String> replaced = new HashSet<>();
        for (RuleFile f : custom) replaced.add(BUNDLED_PREFIX + f.name());
        List<Parsed> out = new ArrayList<>();
        for (Parsed p : index) if (!replaced.contains(p.origin())) out.add(p);
        for (RuleFile f : custom) out.add(parse(f));
        return out;
    }

    private static List<RuleFile> customFiles(EngineOptions options) {
        List<RuleFile> custom = new ArrayList<>();
        for (Path dir : options.ruleDirs()) custom.addAll(RuleFile.readDir(dir));
        return custom;
    }

    /** How a shipped file is named in the lint's problems: {@code (bundled) sources.drl}. */
    public static final String BUNDLED_PREFIX = "(bundled) ";

    /** The files the engine would load: bundled ones not replaced, then the custom ones. */
    static List<RuleFile> files(EngineOptions options) {
        List<RuleFile> custom = customFiles(options);
        Set<String> replaced = new HashSet<>();
        for (RuleFile f : custom) replaced.add(f.name());
        List<RuleFile> out = new ArrayList<>();
        if (options.includeBundled()) {
            ClassLoader loader = RuleCheck.class.getClassLoader();
            for (ModelEntry m : DroolsPolicyEngine.bundledIndex(loader).models()) {
                if (replaced.contains(m.file())) continue;
                out.add(new RuleFile(m.file(), BUNDLED_PREFIX + m.file(), bundledSource(loader, m.file())));
            }
        }
        out.addAll(custom);
        return out;
    }

    static String bundledSource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(RulesIndex.BUNDLED_DRL_DIR + name)) {
            if (in == null) throw new RulesException(List.of(new Problem(name, 0, 0, "bundled rule source missing from the class path")));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException(List.of(new Problem(name, 0, 0, e.getMessage())));
        }
    }

    static List<RuleText> rules(RuleFile f, String text) {
        List<RuleText> out = new ArrayList<>();
        // Functions that build findings (the text up to the next function or rule is the function's body).
        List<String> emitters = new ArrayList<>();
        Matcher fm = FUNCTION.matcher(text);
        while (fm.find()) {
            Matcher next = Pattern.compile("(?m)^\\s*(function|rule)\\b").matcher(text);
            int bodyEnd = next.find(fm.end()) ? next.start() : text.length();
            if (EMIT.matcher(text.substring(fm.end(), bodyEnd)).find()) emitters.add(fm.group(1));
        }
        Matcher rm = RULE.matcher(text);
        int from = 0;
        while (rm.find(from)) {
            String name = rm.group(2) != null ? rm.group(2) : rm.group(3) != null ? rm.group(3) : rm.group(4);
            int start = rm.start(1);
            Matcher em = END.matcher(text);
            int end = em.find(rm.end()) ? em.start() : text.length();
            String body = text.substring(start, end);
            Matcher wm = WHEN.matcher(body);
            int header = wm.find() ? wm.start() : body.length();
            Map<String, Meta> meta = new LinkedHashMap<>();
            Matcher mm = META.matcher(body.substring(0, header));
            while (mm.find()) {
                int[] lc = lineCol(text, start + mm.start());
                meta.putIfAbsent(mm.group(1), new Meta(f.content().substring(start + mm.start(2), start + mm.end(2)), lc[0], lc[1]));
            }
            List<Emit> emits = new ArrayList<>();
            Meta ownEmit = null;
            Matcher tm = THEN.matcher(body);
            if (tm.find(header)) {
                Matcher om = EMIT_OWN.matcher(body);
                if (om.find(tm.end())) {
                    int[] olc = lineCol(text, start + om.start());
                    ownEmit = new Meta("", olc[0], olc[1]);
                }
                Matcher xm = EMIT.matcher(body);
                int at = tm.end();
                while (xm.find(at)) {
                    List<String> args = args(f.content(), start + xm.end());
                    int[] lc = lineCol(text, start + xm.start());
                    emits.add(new Emit(args.size() > 0 ? args.get(0) : "", args.size() > 1 ? args.get(1) : "", lc[0], lc[1]));
                    at = xm.end();
                }
                // A call to a function of this file that builds the finding: its first argument is the code.
                for (String fn : emitters) {
                    Matcher cm = Pattern.compile("\\b" + Pattern.quote(fn) + "\\s*\\(").matcher(body);
                    int from2 = tm.end();
                    while (cm.find(from2)) {
                        List<String> args = args(f.content(), start + cm.end());
                        int[] lc = lineCol(text, start + cm.start());
                        emits.add(new Emit("", args.size() > 0 ? args.get(0) : "", lc[0], lc[1]));
                        from2 = cm.end();
                    }
                }
            }
            int[] lc = lineCol(text, text.lastIndexOf("rule", start));
            out.add(new RuleText(f.origin(), name, lc[0], lc[1], meta, emits, ownEmit));
            from = end < text.length() ? end + 3 : text.length();
            if (from >= text.length()) break;
        }
        return out;
    }

    /** The first two top-level arguments of a call whose text starts at {@code i} (after the paren). */
    private static List<String> args(String s, int i) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean str = false;
        StringBuilder cur = new StringBuilder();
        for (; i < s.length() && out.size() < 2; i++) {
            char c = s.charAt(i);
            if (str) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) cur.append(s.charAt(++i));
                else if (c == '"') str = false;
                continue;
            }
            if (c == '"') {
                str = true;
                cur.append(c);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
                cur.append(c);
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
                cur.append(c);
            } else if ((c == ',' && depth == 0) || (c == ')' && depth == 0)) {
                out.add(cur.toString().trim());
                cur.setLength(0);
                if (c == ')') break;
            } else {
                cur.append(c);
            }
        }
        return out;
    }

    private static String literal(String expr) {
        if (expr.length() >= 2 && expr.startsWith("\"") && expr.endsWith("\"") && expr.indexOf('"', 1) == expr.length() - 1) {
            return expr.substring(1, expr.length() - 1);
        }
        return null;
    }

    /** The 1-based line and column of {@code offset} in {@code text}. */
    public static int[] lineCol(String text, int offset) {
        int[] starts = lineStarts(text);
        int at = Math.max(0, Math.min(offset, text.length()));
        int i = java.util.Arrays.binarySearch(starts, at);
        int line = i >= 0 ? i : -i - 2;
        return new int[]{line + 1, at - starts[line] + 1};
    }

    /** The text whose line starts {@link #lineStarts} computed last, and those starts. */
    private record Lines(String text, int[] starts) {
    }

    private static volatile Lines lastLines;

    /**
     * The offset where each line of {@code text} starts. The lint asks for the position of every rule,
     * metadata and finding of every file (the shipped ones too); counting lines from the start each time
     * cost a cold {@code check --rules} 0.1 s. The last text's starts are kept (the lint works file by file).
     */
    private static int[] lineStarts(String text) {
        Lines l = lastLines;
        if (l != null && l.text() == text) return l.starts();
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        int[] starts = new int[n];
        for (int i = 0, k = 1; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
        lastLines = new Lines(text, starts);
        return starts;
    }
}
