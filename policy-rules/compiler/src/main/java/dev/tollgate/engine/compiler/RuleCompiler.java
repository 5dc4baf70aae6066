package dev.tollgate.engine.compiler;

import dev.tollgate.api.RulesException;
import dev.tollgate.api.RulesException.Problem;
import dev.tollgate.engine.FactClassLoader;
import dev.tollgate.engine.RuleCheck;
import dev.tollgate.engine.RuleFile;
import dev.tollgate.engine.RulesIndex.ModelEntry;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles DRL into Drools' executable model: plain Java classes (one {@code org.drools.model.Model}
 * per DRL package, plus its lambdas) that build a KieBase without parsing or compiling DRL again.
 * This is the slow step (seconds in a cold JVM), done at build time for the shipped rules and once
 * per content hash for custom rules ({@link CompiledRulesCache}).
 */
public final class RuleCompiler {
    private static final String RESOURCE_ROOT = "src/main/resources/tollgate/rules/";

    private RuleCompiler() {
    }

    /** Generated class files (by binary name) and the model of each DRL file. */
    public record Compiled(Map<String, byte[]> classes, List<ModelEntry> models) {
    }

    /**
     * @throws RulesException with every problem as {@code FILE:LINE:COLUMN: message}
     */
    public static Compiled compile(List<RuleFile> files) {
        return compile(files, null);
    }

    /**
     * @param facts the embedder's fact classes joined to Tollgate's ({@code EngineOptions.withFactClassLoader}):
     *              the rules are compiled against it, and the sandbox allows its custom classes; null: none
     * @throws RulesException with every problem as {@code FILE:LINE:COLUMN: message}
     */
    static Compiled compile(List<RuleFile> files, FactClassLoader facts) {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleFile> byPackage = new LinkedHashMap<>();
        for (RuleFile f : files) {
            String pkg = f.drlPackage();
            if (pkg == null) {
                problems.add(new Problem(f.origin(), 1, 1, "no `package` declaration; each rule file declares its own package (e.g. `package tollgate.sources;`)"));
            } else if (byPackage.containsKey(pkg)) {
                problems.add(new Problem(f.origin(), 1, 1, "package " + pkg + " is also declared by "
                        + byPackage.get(pkg).origin() + "; each rule file needs its own package"));
            } else {
                byPackage.put(pkg, f);
            }
        }
        if (!problems.isEmpty()) throw new RulesException(problems);

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        Map<String, RuleFile> byPath = new HashMap<>();
        for (RuleFile f : files) {
            String path = RESOURCE_ROOT + f.name();
            byPath.put(path, f);
            kfs.write(path, f.content());
        }
        KieBuilder builder;
        try {
            builder = (facts == null ? ks.newKieBuilder(kfs) : ks.newKieBuilder(kfs, facts)).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // Some expressions make the executable-model generator throw instead of reporting an error
            // (a cast in a constraint: "Unknown expression type"); those are located here too.
            throw new RulesException(escaped(files, e));
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) throw new RulesException(positioned(errors, byPath, byPackage));

        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<String> modelClasses = new ArrayList<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
                classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), module.getBytes(name));
            } else if (name.endsWith("/drools-model")) {
                for (String line : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\\R")) {
                    if (!line.isBlank()) modelClasses.add(line.trim());
                }
            }
        }
        // What a rule may call: checked on the generated classes, before anything of them runs.
        List<RuleSandbox.Refusal> refusals = RuleSandbox.check(classes, byPackage.keySet(), facts == null ? t -> false : facts::isCustom);
        if (!refusals.isEmpty()) throw new RulesException(RuleSandbox.problems(refusals, byPackage));
        List<ModelEntry> models = new ArrayList<>();
        for (Map.Entry<String, RuleFile> e : byPackage.entrySet()) {
            String pkg = e.getKey();
            String model = modelClasses.stream()
                    .filter(c -> c.substring(0, c.lastIndexOf('.')).equals(pkg))
                    .findFirst().orElse(null);
            if (model == null) {
                // A file with a package but no rules, queries or functions generates no model.
                continue;
            }
            models.add(new ModelEntry(e.getValue().name(), e.getValue().sha256(), pkg, model));
        }
        return new Compiled(classes, models);
    }

    /**
     * Every error at its {@code .drl} FILE:LINE:COLUMN, in the author's terms ({@link RuleErrors}).
     * Errors in the generated Java name a generated file: its package gives the rule file, and the
     * generated source (which Drools prints in a companion message) gives the line. Errors on the
     * rule file without a line are placed where that is known; for the rest the classic DRL compiler
     * is run on that file alone to get positioned errors (slower, but only when something is already
     * wrong).
     */
    private static List<Problem> positioned(List<Message> errors, Map<String, RuleFile> byPath, Map<String, RuleFile> byPackage) {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleFile> needClassic = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        List<String> orphans = new ArrayList<>();
        Map<RuleFile, List<String>> unplaced = new LinkedHashMap<>();
        for (Message m : errors) {
            String t = m.getText();
            if (t != null && t.startsWith("Java source of ") && m.getPath() != null) sources.put(m.getPath(), t);
        }
        for (Message m : errors) {
            String text = m.getText();
            if (text != null && text.startsWith("Java source of ")) continue;
            RuleFile f = fileOf(m.getPath(), byPath);
            if (f == null) {
                RuleFile g = generatedFileOf(m.getPath(), byPackage);
                if (g != null) {
                    String t = text == null ? "error" : oneLine(text);
                    Problem p = RuleErrors.javaError(g, sources.get(m.getPath()), m.getLine(), m.getColumn(), t);
                    if (p != null) problems.add(p);
                    else unplaced.computeIfAbsent(g, k -> new ArrayList<>()).add(t);
                } else {
                    orphans.add(oneLine(text));
                }
            } else if (m.getLine() <= 0) {
                Problem placed = text == null ? null : RuleErrors.unpositioned(f, oneLine(text));
                if (placed != null) problems.add(placed);
                else needClassic.put(f.name(), f);
            } else {
                problems.add(problem(f, m.getLine(), m.getColumn(), m.getText()));
            }
        }
        // Errors in a condition's generated class, which names no rule: the rules that give errors when
        // compiled alone (a compile per rule, only when compiling failed), one problem each.
        for (Map.Entry<RuleFile, List<String>> u : unplaced.entrySet()) {
            RuleFile f = u.getKey();
            List<Problem> found = new ArrayList<>();
            DrlSpans d = DrlSpans.of(f);
            List<DrlSpans.Span> rules = new ArrayList<>();
            for (DrlSpans.Span s : d.spans) if (!s.body() && s.rule() != null) rules.add(s);
            for (DrlSpans.Span rule : rules) {
                if (problems.stream().anyMatch(p -> p.file().equals(f.origin()) && p.message().startsWith(rule.label() + ":"))) continue;
                List<String> alone = errorsAlone(f, alone(f, rule, rules));
                if (!alone.isEmpty()) found.add(RuleErrors.inConditions(f, d, rule, alone.get(0)));
            }
            if (found.isEmpty()) found.add(new Problem(f.origin(), 1, 1, RuleErrors.authorTerms(u.getValue().get(0))));
            problems.addAll(found);
        }
        // Errors without a file (javac on a declared type's generated class): placed by the name they
        // complain about; the ones that follow from an error already placed are left out.
        List<Problem> placed = new ArrayList<>();
        List<RuleFile> files = new ArrayList<>(new java.util.LinkedHashSet<>(byPath.values()));
        for (String o : orphans) {
            Problem p = RuleErrors.orphan(files, o);
            if (p != null) placed.add(p);
        }
        for (String o : orphans) {
            if (RuleErrors.orphan(files, o) != null || !placed.isEmpty() || !problems.isEmpty()) continue;
            placed.add(files.size() == 1 ? new Problem(files.get(0).origin(), 1, 1, RuleErrors.authorTerms(o))
                    : new Problem("(rules)", 0, 0, RuleErrors.authorTerms(o)));
        }
        problems.addAll(placed);
        for (RuleFile f : needClassic.values()) {
            if (problems.stream().anyMatch(p -> p.file().equals(f.origin()))) continue;
            List<Problem> classic = classicErrors(f);
            if (classic.isEmpty()) {
                for (Message m : errors) {
                    if (fileOf(m.getPath(), byPath) == f) problems.add(new Problem(f.origin(), 1, 1, RuleErrors.authorTerms(oneLine(m.getText()))));
                }
            } else {
                problems.addAll(classic);
            }
        }
        return dedupe(problems);
    }

    /**
     * Where an exception the compiler threw comes from: the rule that throws it when compiled on its
     * own (the other rules of its file blanked, so lines stay where they are; declarations, functions
     * and imports kept), tried first where the exception's expression appears. Slow (a compile per
     * rule tried), but only when something is already wrong. One problem, at that rule's expression,
     * or at the file when no single rule throws.
     */
    static List<Problem> escaped(List<RuleFile> files, RuntimeException e) {
        for (RuleFile f : files) {
            if (files.size() > 1 && throwsAlone(f, f.content()) == null) continue;
            DrlSpans d = DrlSpans.of(f);
            List<DrlSpans.Span> rules = new ArrayList<>();
            for (DrlSpans.Span s : d.spans) if (!s.body() && s.rule() != null) rules.add(s);
            // the rules whose conditions show the expression the exception names first
            rules.sort(java.util.Comparator.comparing(s -> RuleErrors.escapedAt(d, s, e) < 0));
            for (DrlSpans.Span rule : rules) {
                RuntimeException thrown = throwsAlone(f, alone(f, rule, rules));
                if (thrown != null) return List.of(RuleErrors.escaped(f, d, rule, thrown));
            }
            return List.of(RuleErrors.escaped(f, d, null, e));
        }
        return List.of(new Problem(files.size() == 1 ? files.get(0).origin() : "(rules)", 1, 1, RuleErrors.escapedMessage(e, false)));
    }

    /** {@code f} with every rule but {@code rule} blanked (line breaks kept, so positions stay). */
    private static String alone(RuleFile f, DrlSpans.Span rule, List<DrlSpans.Span> rules) {
        char[] alone = f.content().toCharArray();
        for (DrlSpans.Span other : rules) {
            if (other == rule) continue;
            for (int i = other.start(); i < other.end() && i < alone.length; i++) if (alone[i] != '\n') alone[i] = ' ';
        }
        return new String(alone);
    }

    /** The errors compiling {@code content} as {@code f} alone gives (a throw counts as one). */
    private static List<String> errorsAlone(RuleFile f, String content) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.write(RESOURCE_ROOT + f.name(), content);
        List<String> out = new ArrayList<>();
        try {
            for (Message m : ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class).getResults().getMessages(Message.Level.ERROR)) {
                if (m.getText() != null && !m.getText().startsWith("Java source of ")) out.add(oneLine(m.getText()));
            }
        } catch (RuntimeException e) {
            out.add(oneLine(String.valueOf(e.getMessage())));
        }
        return out;
    }

    /** What compiling {@code content} as {@code f} alone throws, or null (errors reported as messages are not thrown). */
    private static RuntimeException throwsAlone(RuleFile f, String content) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.write(RESOURCE_ROOT + f.name(), content);
        try {
            ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The rule file whose DRL package holds a generated source ({@code src/main/java/tollgate/msrv/P31/X.java}). */
    private static RuleFile generatedFileOf(String path, Map<String, RuleFile> byPackage) {
        if (path == null || !path.endsWith(".java")) return null;
        String p = path.startsWith("src/main/java/") ? path.substring("src/main/java/".length()) : path;
        String cls = p.substring(0, p.length() - ".java".length()).replace('/', '.');
        RuleFile best = null;
        String bestPkg = "";
        for (Map.Entry<String, RuleFile> e : byPackage.entrySet()) {
            if (cls.startsWith(e.getKey() + ".") && e.getKey().length() > bestPkg.length()) {
                bestPkg = e.getKey();
                best = e.getValue();
            }
        }
        return best;
    }

    private static final java.util.regex.Pattern ERR_PREFIX = java.util.regex.Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) ");
    private static final java.util.regex.Pattern MVEL_POS = java.util.regex.Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]");

    /**
     * A positioned problem. Drools reports columns unevenly: parser errors as a 0-based prefix
     * ({@code [ERR 102] Line 6:0}), constraint errors inside the text ({@code [Line: 5, Column: 4]},
     * relative to the constraint), many with none. Without a usable column, the column of the
     * line's first non-blank character is given, which is where the offending element starts.
     */
    private static Problem problem(RuleFile f, int line, int column, String text) {
        String t = oneLine(text);
        java.util.regex.Matcher prefix = ERR_PREFIX.matcher(t);
        if (prefix.find()) {
            line = Integer.parseInt(prefix.group(1));
            column = Integer.parseInt(prefix.group(2)) + 1;
            t = t.substring(prefix.end());
        }
        if (column <= 0) column = firstNonBlankColumn(f.content(), line);
        return new Problem(f.origin(), line, column, RuleErrors.inRule(f, line, column, RuleErrors.authorTerms(t)));
    }

    private static int firstNonBlankColumn(String content, int line) {
        String[] lines = content.split("\\R", -1);
        if (line < 1 || line > lines.length) return 1;
        String l = lines[line - 1];
        for (int i = 0; i < l.length(); i++) {
            if (!Character.isWhitespace(l.charAt(i))) return i + 1;
        }
        return 1;
    }

    /** Drops repeats and the "null Package" echo that follows every parser error. */
    private static List<Problem> dedupe(List<Problem> problems) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            if (p.message().contains("Parser returned a null Package") && problems.size() > 1) continue;
            if (seen.add(p.file() + ":" + p.line() + ":" + p.message())) out.add(p);
        }
        return out;
    }

    /** Messages name the resource path with or without the {@code src/main/resources/} prefix. */
    private static RuleFile fileOf(String path, Map<String, RuleFile> byPath) {
        if (path == null) return null;
        for (Map.Entry<String, RuleFile> e : byPath.entrySet()) {
            if (e.getKey().equals(path) || e.getKey().endsWith("/" + path)) return e.getValue();
        }
        return null;
    }

    static List<Problem> classicErrors(RuleFile f) {
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
        kb.add(ResourceFactory.newByteArrayResource(f.content().getBytes(StandardCharsets.UTF_8))
                .setSourcePath(RESOURCE_ROOT + f.name()), ResourceType.DRL);
        List<Problem> problems = new ArrayList<>();
        for (KnowledgeBuilderError e : kb.getErrors()) {
            int[] lines = e.getLines();
            int line = lines != null && lines.length > 0 ? lines[0] : 0;
            int column = 0;
            if (e instanceof org.drools.drl.parser.ParserError pe) {
                line = pe.getRow();
                column = pe.getCol() + 1;
            }
            problems.add(line > 0 ? problem(f, line, column, e.getMessage()) : new Problem(f.origin(), 1, 1, RuleErrors.authorTerms(oneLine(e.getMessage()))));
        }
        return problems;
    }

    private static String oneLine(String text) {
        if (text == null) return "error";
        String t = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }
}
