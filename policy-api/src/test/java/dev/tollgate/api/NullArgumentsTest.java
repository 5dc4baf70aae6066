package dev.tollgate.api;

import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's one contract, for nulls: every public constructor and method of policy-api given null for a
 * reference parameter throws {@link NullPointerException} whose message names that parameter, unless the
 * parameter is documented as nullable (the allow list below, each entry's javadoc says what null means).
 * The classes are found by walking policy-api's compiled classes, so a new public method is held to it
 * without being listed here. Parameter names come from the class files ({@code -parameters}).
 *
 * <p>The fact records of {@code dev.tollgate.api.facts} are left out: their components' nullability is part
 * of the fact shapes (documented per component in facts.md) and their builders' work.
 */
class NullArgumentsTest {
    /** {@code Class#method(param)} or {@code Class#<init>(param)}: null is documented as allowed there. */
    static final Set<String> NULLABLE = Set.of(
            "EngineLimits#<init>(timeout)",
            "EngineOptions#<init>(cacheDir)",
            "EngineOptions#<init>(only)",
            "EngineOptions#withCacheDir(dir)",
            "EngineOptions#<init>(factClassLoader)",
            "EngineOptions#withFactClassLoader(loader)",
            "EngineOptions#withOnly(ids)",
            "InputError#<init>(file)",
            "InputError#<init>(cause)",
            "Policies#ofPackage(drlPackage)",
            "Verdict#count(severity)",
            "Finding#<init>(location)",
            "Finding#<init>(subject)",
            "Finding#<init>(isNew)",
            "Finding#<init>(data)",
            "Finding#at(where)",
            "Finding#about(what)",
            "Finding#withNew(value)",
            "Finding#with(value)",
            "FindingCode#<init>(rule)",
            "FindingCode#<init>(severity)",
            "Severity#parse(word)",
            "FindingCode#<init>(url)",
            "FindingCode#<init>(doc)",
            "Repeat#<init>(item)",
            "Repeat#of(item)",
            "RulesException.Problem#<init>(file)");

    /** Every public class of policy-api outside the fact records, from its compiled classes. */
    static List<Class<?>> publicClasses() throws Exception {
        Path root = Path.of(Tollgate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info") || name.startsWith("dev.tollgate.api.facts.")) continue;
                Class<?> c = Class.forName(name, false, Tollgate.class.getClassLoader());
                if (isPublic(c)) out.add(c);
            }
        }
        return out;
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) if (!Modifier.isPublic(k.getModifiers())) return false;
        return !c.isAnonymousClass() && !c.isSynthetic();
    }

    private static String label(Class<?> c) {
        return c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
    }

    @Test
    void everyReferenceParameterOfThePublicApiRefusesNullNamingIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        Set<String> allowedSeen = new TreeSet<>();
        int checked = 0;
        for (Class<?> c : publicClasses()) {
            List<Executable> members = new ArrayList<>();
            if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && !c.isEnum()) {
                for (Constructor<?> k : c.getConstructors()) members.add(k);
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge() || Modifier.isAbstract(m.getModifiers())) continue;
                if (m.getName().equals("equals") && m.getParameterCount() == 1) continue; // equals(null) is false by contract
                if (c.isEnum() && m.getName().equals("valueOf")) continue; // the JDK's: "Name is null"
                members.add(m);
            }
            for (Executable e : members) {
                Parameter[] params = e.getParameters();
                for (int i = 0; i < params.length; i++) {
                    if (params[i].getType().isPrimitive()) continue;
                    assertTrue(params[i].isNamePresent(), "compiled without -parameters: " + e);
                    String key = label(c) + "#" + (e instanceof Constructor ? "<init>" : e.getName()) + "(" + params[i].getName() + ")";
                    if (NULLABLE.contains(key)) {
                        allowedSeen.add(key);
                        continue;
                    }
                    checked++;
                    String problem = refusesNull(c, e, i);
                    if (problem != null) wrong.add(key + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), wrong, "public members that do not refuse null naming the parameter");
        Set<String> stale = new TreeSet<>(NULLABLE);
        stale.removeAll(allowedSeen);
        assertEquals(Set.of(), stale, "allow-list entries that name no parameter");
        assertTrue(checked > 60, "only " + checked + " parameters checked");
    }

    /** Null for parameter {@code i}, samples for the others; null when an NPE names it, else what happened. */
    private static String refusesNull(Class<?> c, Executable e, int i) throws Exception {
        Object[] args = new Object[e.getParameterCount()];
        Class<?>[] types = e.getParameterTypes();
        for (int j = 0; j < args.length; j++) args[j] = j == i ? null : types[j].isPrimitive() ? primitive(types[j]) : sample(types[j]);
        String name = e.getParameters()[i].getName();
        try {
            if (e instanceof Constructor<?> k) {
                k.newInstance(args);
            } else {
                Method m = (Method) e;
                m.invoke(Modifier.isStatic(m.getModifiers()) ? null : sample(c), args);
            }
            return "returned normally";
        } catch (InvocationTargetException wrapped) {
            Throwable t = wrapped.getCause();
            if (!(t instanceof NullPointerException)) return "threw " + t;
            String message = t.getMessage();
            if (message == null || !Pattern.compile("(^|\\W)" + Pattern.quote(name) + "(\\W|$)").matcher(message).find()) {
                return "NullPointerException(" + message + ") does not name `" + name + "`";
            }
            return null;
        }
    }

    /** A valid, non-null value of a type. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Object sample(Class<?> type) throws Exception {
        if (type == String.class || type == Object.class || type == CharSequence.class) return "sources";
        if (type == Path.class) return Path.of("x");
        if (type == Set.class || type == Collection.class || type == Iterable.class) return Set.of("sources");
        if (type == SortedSet.class) return new TreeSet<>(Set.of("sources"));
        if (type == List.class) return List.of();
        if (type == Map.class) return Map.of();
        if (type == Optional.class) return Optional.empty();
        if (type == Consumer.class) return (Consumer) x -> { };
        if (type == Class.class) return String.class;
        if (type == Duration.class) return Duration.ofSeconds(1);
        if (type == Appendable.class) return new StringBuilder();
        if (type == ClassLoader.class) return NullArgumentsTest.class.getClassLoader();
        if (type == Throwable.class) return new RuntimeException("cause");
        if (type == Boolean.class) return Boolean.TRUE;
        if (type == Integer.class) return 1;
        if (type == Long.class) return 1L;
        if (type == Location.class) return Location.of("Cargo.lock", 1, 1);
        if (type == Finding.class) return Finding.of("sources", "unknown-git", Severity.ERROR, "m");
        if (type == Verdict.class) return Verdict.of(List.of());
        if (type == FindingCode.class) return new FindingCode("unknown-git", "sources", Severity.ERROR, "doc", "rule");
        if (type == CheckRequest.class) return CheckRequest.of(Path.of("x"));
        if (type == EngineOptions.class) return EngineOptions.bundled();
        if (type == EngineLimits.class) return EngineLimits.DEFAULTS;
        if (type == InputError.class) return new InputError("f", 1, 1, "p", null);
        if (type == RulesException.class) return new RulesException(List.of());
        if (type == EvaluationException.class) return new EvaluationException("m");
        if (type == PolicyEngine.class) return STUB;
        if (type.isEnum()) return type.getEnumConstants()[0];
        if (type.isArray()) return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            Object[] values = new Object[rc.length];
            for (int j = 0; j < rc.length; j++) {
                types[j] = rc[j].getType();
                values[j] = types[j].isPrimitive() ? primitive(types[j]) : sample(types[j]);
            }
            Constructor<?> k = type.getDeclaredConstructor(types);
            return k.newInstance(values);
        }
        throw new AssertionError("no sample value for " + type.getName() + ": add one to NullArgumentsTest.sample");
    }

    private static Object primitive(Class<?> type) {
        if (type == boolean.class) return false;
        if (type == int.class) return 1;
        if (type == long.class) return 1L;
        if (type == double.class) return 1.0;
        throw new AssertionError("no sample value for " + type);
    }

    /** An engine with no rules: the default methods of {@link PolicyEngine} are checked on it. */
    static final PolicyEngine STUB = new PolicyEngine() {
        @Override
        public Verdict evaluate(Collection<?> facts, Set<String> policies) {
            return Verdict.of(List.of());
        }

        @Override
        public List<FindingCode> codes() {
            return List.of();
        }

        @Override
        public List<RuleSource> ruleSources() {
            return List.of();
        }
    };
}
