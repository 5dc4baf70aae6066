package dev.tollgate.engine.compiler;

import dev.tollgate.engine.RuleFile;
import dev.tollgate.engine.compiler.ClassRefs.Member;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule may call (docs/authoring.md "What a rule may call"). Rules are code that Tollgate runs
 * in its own process, and custom rules may come from a CI owner's directory that a reviewer reads
 * less carefully than Java: the compiled classes of every rule file, shipped or custom, are checked
 * against an allow list when they are compiled, so a rule that could end the process, run a program,
 * touch files, the network or the environment, start threads or reach anything by reflection never
 * compiles. The check reads the class files (every class, method and field they refer to, which
 * includes the targets of method references and the bootstrap methods of {@code invokedynamic}),
 * so neither a string trick nor reflection slips past it: reflection itself is off the list.
 *
 * <p>Allowed: the fact and finding API; {@code java.lang} basics; {@code java.util} (collections,
 * Optional, regex, streams, functions) without service loading, threads, timers, files and
 * preferences; {@code java.time}; and what Drools' generated scaffolding needs (its model DSL and, of
 * the consequence's {@code drools}, only insert, update and delete).
 *
 * <p>Changing this list changes {@link #VERSION}, which is part of every compiled-rules cache key.
 */
final class RuleSandbox {
    /** Bump whenever the lists below change, so cached compiled rules are checked again. */
    static final String VERSION = "2";

    static final String DOC = "see docs/authoring.md \"What a rule may call\"";

    private RuleSandbox() {
    }

    /** A reference that rules may not make, in the class {@code inClass}. */
    record Refusal(String inClass, String what, String searchName) {
    }

    /** Names no rule may call on any type, whatever the owner. */
    private static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "finalize",
            "printStackTrace", "setStackTrace", "fillInStackTrace", "getInteger", "getLong", "getBoolean",
            "parallel", "parallelStream", "parallelSort", "parallelSetAll", "parallelPrefix");

    private static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "StringBuilder", "StringBuffer", "CharSequence", "Math", "StrictMath",
            "Number", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character",
            "Character$UnicodeBlock", "Character$UnicodeScript", "Enum", "Comparable", "Iterable", "Record", "Void",
            "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
            "NullPointerException", "UnsupportedOperationException", "IndexOutOfBoundsException",
            "StringIndexOutOfBoundsException", "ArrayIndexOutOfBoundsException", "ArithmeticException",
            "NumberFormatException", "ClassCastException");

    /** Types a rule may name but not call: javac names them for lambdas and string concatenation. */
    private static final Set<String> NAMED_ONLY = Set.of(
            "java/lang/invoke/MethodHandles", "java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodHandle",
            "java/lang/invoke/MethodType", "java/lang/invoke/CallSite", "java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps",
            "java/lang/System", "java/io/Serializable", "java/lang/Throwable");

    /** The only calls on {@link #NAMED_ONLY} types. */
    private static final Set<String> NAMED_ONLY_CALLS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory", "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants", "java/lang/invoke/StringConcatFactory.makeConcat",
            "java/lang/runtime/ObjectMethods.bootstrap", "java/lang/runtime/SwitchBootstraps.typeSwitch",
            "java/lang/runtime/SwitchBootstraps.enumSwitch", "java/lang/System.arraycopy",
            "java/lang/Throwable.getMessage", "java/lang/Throwable.getLocalizedMessage", "java/lang/Throwable.getCause",
            "java/lang/Throwable.toString", "java/lang/Throwable.<init>", "java/lang/Throwable.addSuppressed",
            "java/lang/Throwable.getSuppressed");

    /** java.util, less what reaches outside a pure computation. */
    private static final List<String> JAVA_UTIL_DENIED = List.of(
            "java/util/ServiceLoader", "java/util/Formatter", "java/util/Scanner", "java/util/Timer", "java/util/TimerTask",
            "java/util/ResourceBundle", "java/util/PropertyResourceBundle", "java/util/ListResourceBundle",
            "java/util/prefs/", "java/util/logging/", "java/util/jar/", "java/util/zip/", "java/util/spi/",
            "java/util/random/RandomGeneratorFactory", "java/util/concurrent/");

    private static final Set<String> JAVA_UTIL_CONCURRENT = Set.of(
            "java/util/concurrent/ConcurrentHashMap", "java/util/concurrent/ConcurrentMap",
            "java/util/concurrent/ConcurrentNavigableMap", "java/util/concurrent/ConcurrentSkipListMap",
            "java/util/concurrent/ConcurrentSkipListSet", "java/util/concurrent/CopyOnWriteArrayList",
            "java/util/concurrent/CopyOnWriteArraySet", "java/util/concurrent/TimeUnit");

    /**
     * The package of Tollgate's helpers for rules ({@code Findings}, the shipped policies' wording and set
     * arithmetic): pure functions over facts, strings and collections (no I/O) that depend on the API only
     * (an ArchUnit test).
     */
    private static final String TOLLGATE_HELPERS = "dev/tollgate/rules/";

    /** Of the consequence's {@code drools}: working-memory changes only. */
    private static final Set<String> DROOLS_CALLS = Set.of("insert", "update", "delete", "logicalInsert");

    /** Drools' generated scaffolding (patterns, indexes, accumulate functions). */
    private static final Set<String> DROOLS_SCAFFOLDING = Set.of(
            "org/drools/modelcompiler/dsl/pattern/D", "org/drools/modelcompiler/util/EvaluationUtil",
            "org/drools/util/DateUtils", "org/drools/base/factmodel/AccessibleFact", "org/drools/base/factmodel/GeneratedFact");

    /** Every reference in {@code classes} (binary name → bytes) that rules may not make. */
    static List<Refusal> check(Map<String, byte[]> classes, Set<String> drlPackages) {
        return check(classes, drlPackages, t -> false);
    }

    /**
     * @param custom the embedder's fact types (internal names, {@code acme/Crate}), which the rules compiled
     *               against its fact class loader may use like the API's facts
     */
    static List<Refusal> check(Map<String, byte[]> classes, Set<String> drlPackages, java.util.function.Predicate<String> custom) {
        Set<String> generated = new java.util.HashSet<>();
        for (String n : classes.keySet()) generated.add(n.replace('.', '/'));
        for (byte[] bytes : classes.values()) {
            ClassRefs refs;
            try {
                refs = ClassRefs.read(bytes);
            } catch (IOException | RuntimeException e) {
                continue; // refused below
            }
            List<String> types = new ArrayList<>(refs.classes());
            if (refs.superName() != null) types.add(refs.superName());
            types.addAll(refs.interfaces());
            for (Member m : refs.members()) types.add(m.owner());
            for (String t : types) {
                String plain = t;
                while (plain.startsWith("[")) plain = plain.substring(1);
                if (plain.startsWith("L") && plain.endsWith(";")) plain = plain.substring(1, plain.length() - 1);
                if (plain.length() > 1 && !generated.contains(plain) && custom.test(plain)) generated.add(plain);
            }
        }
        // A type the rule files declare that is already on the class path (a custom file replacing a
        // shipped one declares the shipped types again) is not generated again: the shipped one is
        // used, which passed this check when the shipped rules were built.
        for (String p : drlPackages) if (p.startsWith("tollgate.")) generated.add(p.replace('.', '/').concat("/*"));
        List<Refusal> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            ClassRefs refs;
            try {
                refs = ClassRefs.read(c.getValue());
            } catch (IOException | RuntimeException e) {
                out.add(new Refusal(c.getKey(), "a class that cannot be read (" + e.getMessage() + ")", null));
                continue;
            }
            if (refs.superName() != null && !typeAllowed(refs.superName(), generated)) {
                out.add(new Refusal(c.getKey(), "extends " + display(refs.superName()), simpleName(refs.superName())));
            }
            for (String i : refs.interfaces()) {
                if (!typeAllowed(i, generated)) out.add(new Refusal(c.getKey(), "implements " + display(i), simpleName(i)));
            }
            for (Member m : refs.members()) {
                if (!memberAllowed(m, generated)) {
                    String verb = m.method() ? "calls " : "reads ";
                    String search = m.name().equals("<init>") ? simpleName(m.owner()) : m.name();
                    out.add(new Refusal(c.getKey(), verb + m.display(), search));
                }
            }
            for (String t : refs.classes()) {
                if (!typeAllowed(t, generated) && refs.members().stream().noneMatch(m -> m.owner().equals(t))) {
                    out.add(new Refusal(c.getKey(), "uses " + display(t), simpleName(t)));
                }
            }
        }
        return out;
    }

    static boolean memberAllowed(Member m, Set<String> generated) {
        String owner = m.owner();
        if (owner.startsWith("[")) return m.name().equals("clone") || m.name().equals("length");
        if (NEVER.contains(m.name())) return false;
        if (generated(owner, generated)) return true;
        if (NAMED_ONLY.contains(owner)) return NAMED_ONLY_CALLS.contains(owner.concat(".").concat(m.name()));
        if (owner.equals("org/drools/model/Drools") || owner.equals("org/drools/model/DroolsEntryPoint")) {
            return DROOLS_CALLS.contains(m.name());
        }
        if (owner.equals("java/lang/Object")) {
            return Set.of("<init>", "equals", "hashCode", "toString").contains(m.name());
        }
        return typeAllowed(owner, generated);
    }

    private static boolean generated(String type, Set<String> generated) {
        if (generated.contains(type)) return true;
        int slash = type.lastIndexOf('/');
        return slash > 0 && generated.contains(type.substring(0, slash).concat("/*"));
    }

    static boolean typeAllowed(String type, Set<String> generated) {
        while (type.startsWith("[")) type = type.substring(1);
        if (type.length() == 1) return true; // a primitive array
        if (type.startsWith("L") && type.endsWith(";")) type = type.substring(1, type.length() - 1);
        if (generated(type, generated) || NAMED_ONLY.contains(type)
                || (type.startsWith(TOLLGATE_HELPERS) && type.indexOf('/', TOLLGATE_HELPERS.length()) < 0)) return true;
        if (type.startsWith("dev/tollgate/api/facts/") || type.startsWith("dev/tollgate/api/findings/")
                || type.startsWith("dev/tollgate/api/verdict/") || type.equals("dev/tollgate/api/Policies")) {
            return true;
        }
        if (type.startsWith("java/lang/") && type.indexOf('/', "java/lang/".length()) < 0) {
            return JAVA_LANG.contains(type.substring("java/lang/".length()));
        }
        if (type.startsWith("java/util/")) {
            if (JAVA_UTIL_CONCURRENT.contains(type) || type.startsWith("java/util/concurrent/atomic/")) return true;
            for (String d : JAVA_UTIL_DENIED) {
                if (type.equals(d) || (type.startsWith(d) && (d.endsWith("/") || type.charAt(d.length()) == '$'))) return false;
            }
            return true;
        }
        if (type.startsWith("java/time/")) return !type.startsWith("java/time/zone/ZoneRulesProvider");
        if (type.startsWith("org/drools/model/")) return true;
        if (type.startsWith("org/drools/core/base/accumulators/")) return true;
        return DROOLS_SCAFFOLDING.contains(type);
    }

    /**
     * The refusals as {@code FILE:LINE:COLUMN} problems in the author's terms: the generated class
     * gives the file (its package is the file's DRL package); the refused name, searched in the
     * file's rules and functions (comments and string contents blanked), gives the line, the column
     * and the rule.
     */
    static List<dev.tollgate.api.RulesException.Problem> problems(List<Refusal> refusals, Map<String, RuleFile> byPackage) {
        List<dev.tollgate.api.RulesException.Problem> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        // A refusal whose name is not in the text (Drools' own glue, such as the cast behind
        // drools.getKieRuntime()) is left out when the same class has one that is: the author sees
        // what they wrote.
        Map<String, List<Refusal>> byClass = new java.util.LinkedHashMap<>();
        for (Refusal r : refusals) byClass.computeIfAbsent(r.inClass(), k -> new ArrayList<>()).add(r);
        List<Refusal> shown = new ArrayList<>();
        for (List<Refusal> rs : byClass.values()) {
            List<Refusal> found = new ArrayList<>();
            for (Refusal r : rs) {
                RuleFile f = fileOf(r.inClass(), byPackage);
                if (f != null && r.searchName() != null && locate(f, r.searchName()).found()) found.add(r);
            }
            shown.addAll(found.isEmpty() ? rs : found);
        }
        for (Refusal r : shown) {
            RuleFile file = fileOf(r.inClass(), byPackage);
            String verb = r.what().substring(0, r.what().indexOf(' '));
            String base = switch (verb) {
                case "calls" -> "call";
                case "reads" -> "read";
                case "extends" -> "extend";
                case "implements" -> "implement";
                case "uses" -> "use";
                default -> "contain";
            };
            String tail = ", which rules may not " + base + " (" + DOC + ")";
            if (file == null) {
                String p = "(rules): generated code " + r.what() + tail;
                if (seen.add(p)) out.add(new dev.tollgate.api.RulesException.Problem("(rules)", 0, 0, "generated code " + r.what() + tail));
                continue;
            }
            Located at = locate(file, r.searchName());
            String message = at.where() + " " + r.what() + tail;
            if (seen.add(file.origin() + ":" + at.line() + ":" + at.column() + ":" + message)) {
                out.add(new dev.tollgate.api.RulesException.Problem(file.origin(), at.line(), at.column(), message));
            }
        }
        return out;
    }

    /** The rule file whose DRL package holds the generated class. */
    private static RuleFile fileOf(String className, Map<String, RuleFile> byPackage) {
        RuleFile file = null;
        String best = "";
        for (Map.Entry<String, RuleFile> e : byPackage.entrySet()) {
            String pkg = e.getKey();
            if (className.startsWith(pkg + ".") && pkg.length() > best.length()) {
                best = pkg;
                file = e.getValue();
            }
        }
        return file;
    }

    /** @param found whether the name was found in the text (else the position is the file's first rule) */
    record Located(int line, int column, String where, boolean found) {
        Located(int line, int column, String where) {
            this(line, column, where, true);
        }
    }

    /** Where {@code name} is used in {@code file}: in a consequence or function first, else anywhere. */
    static Located locate(RuleFile file, String name) {
        DrlSpans d = DrlSpans.of(file);
        if (name != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name) + "\\b").matcher(d.blank);
            int fallback = -1;
            while (m.find()) {
                DrlSpans.Span s = d.at(m.start());
                if (s != null && s.body()) {
                    int[] lc = d.lineCol(m.start());
                    return new Located(lc[0], lc[1], s.label());
                }
                if (fallback < 0) fallback = m.start();
            }
            if (fallback >= 0) {
                int[] lc = d.lineCol(fallback);
                return new Located(lc[0], lc[1], d.labelAt(fallback));
            }
        }
        for (DrlSpans.Span s : d.spans) {
            if (!s.body()) {
                int[] lc = d.lineCol(s.start());
                return new Located(lc[0], lc[1], s.label() + " (or another rule of the file)", false);
            }
        }
        return new Located(1, 1, "the rule file", false);
    }

    static String display(String internal) {
        String t = internal;
        int dims = 0;
        while (t.startsWith("[")) {
            dims++;
            t = t.substring(1);
        }
        if (t.startsWith("L") && t.endsWith(";")) t = t.substring(1, t.length() - 1);
        return t.replace('/', '.') + "[]".repeat(dims);
    }

    static String simpleName(String internal) {
        String t = display(internal).replace("[]", "");
        int i = Math.max(t.lastIndexOf('.'), t.lastIndexOf('$'));
        return t.substring(i + 1);
    }
}
