package dev.tollgate.scenarios;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Generates docs/facts.md from policy-api: the types and fields by reflection, their descriptions
 * from the Javadoc in the sources ({@code @param} of each record component).
 */
final class FactsDoc {
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

    private FactsDoc() {
    }

    static String generate(Path apiSources) throws IOException {
        List<Class<?>> types = FactTypes.all(FactsDoc.class.getClassLoader());
        StringBuilder s = new StringBuilder();
        s.append("# Facts\n\n");
        s.append("<!-- Generated from policy-api by FactsDocTest; do not edit. Regenerate with:\n");
        s.append("     mvn -B -o -q -pl test-fixtures -am test -Dtest=FactsDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dtollgate.regenerateDocs=true -->\n\n");
        s.append("Every type rules can match on, from `dev.tollgate.api.facts` (import `dev.tollgate.api.facts.*`). ");
        s.append("In DRL a field is matched by name (`WorkspaceMember( rustVersion == \"\" )`), a method `isX()` as `x` ");
        s.append("(`LockedPackage( source.git )`), a nested field with dots; other methods are called as written ");
        s.append("(`$p.spec()`). In scenario files, facts are written with the same field names ");
        s.append("([scenarios README](../test-fixtures/scenarios/README.md)). ");
        s.append("In Java, a record of four or more fields is built by name: ");
        s.append("`LockedPackage.builder().name(\"serde\").version(\"1.0.0\").build()` (unset fields empty), ");
        s.append("and `toBuilder()` copies one; the canonical constructors stay.\n\n");
        List<Class<?>> records = types.stream().filter(Class::isRecord).toList();
        List<Class<?>> enums = types.stream().filter(Class::isEnum).toList();
        s.append("Records: ").append(records.stream().map(c -> "[" + c.getSimpleName() + "](#" + c.getSimpleName().toLowerCase() + ")")
                .collect(Collectors.joining(", "))).append(".\n");
        s.append("Enums: ").append(enums.stream().map(c -> "[" + c.getSimpleName() + "](#" + c.getSimpleName().toLowerCase() + ")")
                .collect(Collectors.joining(", "))).append(".\n");
        for (Class<?> c : records) record(s, c, source(apiSources, c));
        for (Class<?> c : enums) enumType(s, c, source(apiSources, c));
        // value types that facts hold and rules call methods on (no fields to match, not written in scenarios)
        s.append("\n# Value types\n");
        for (Class<?> c : List.<Class<?>>of(dev.tollgate.api.facts.LicenseExpression.class)) valueType(s, c, source(apiSources, c));
        return s.toString();
    }

    private static String source(Path apiSources, Class<?> c) throws IOException {
        Path f = apiSources.resolve(c.getName().replace('.', '/') + ".java");
        return Files.isRegularFile(f) ? Files.readString(f) : "";
    }

    private static void record(StringBuilder s, Class<?> c, String src) {
        Doc doc = typeDoc(src, c);
        s.append("\n## ").append(c.getSimpleName()).append("\n\n");
        if (!doc.text().isEmpty()) s.append(doc.text()).append("\n\n");
        s.append("| field | type | meaning |\n|---|---|---|\n");
        for (RecordComponent rc : c.getRecordComponents()) {
            String meaning = doc.params().getOrDefault(rc.getName(), "");
            s.append("| `").append(rc.getName()).append("` | ").append(typeName(rc.getGenericType())).append(" | ")
                    .append(meaning.replace("|", "\\|")).append(" |\n");
        }
        methods(s, c, src, Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet()));
    }

    private static void methods(StringBuilder s, Class<?> c, String src, Set<String> accessors) {
        List<Method> methods = Arrays.stream(c.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .filter(m -> !accessors.contains(m.getName()) && m.getParameterCount() <= 1)
                .filter(m -> !Set.of("equals", "hashCode", "toString", "toBuilder").contains(m.getName()))
                .sorted(Comparator.comparing(Method::getName)).toList();
        if (!methods.isEmpty()) {
            s.append("\nMethods: ");
            List<String> parts = new ArrayList<>();
            for (Method m : methods) {
                String sig = m.getName() + "(" + Arrays.stream(m.getGenericParameterTypes()).map(FactsDoc::typeName).collect(Collectors.joining(", "))
                        + ")";
                String d = methodDoc(src, m.getName());
                parts.add("`" + sig + "` → " + typeName(m.getGenericReturnType()) + (d.isEmpty() ? "" : " (" + d + ")"));
            }
            s.append(String.join("; ", parts)).append(".\n");
        }
    }

    private static void enumType(StringBuilder s, Class<?> c, String src) {
        Doc doc = typeDoc(src, c);
        s.append("\n## ").append(c.getSimpleName()).append("\n\n");
        if (!doc.text().isEmpty()) s.append(doc.text()).append("\n\n");
        s.append("Values: ").append(Arrays.stream(c.getEnumConstants()).map(e -> "`" + ((Enum<?>) e).name() + "`")
                .collect(Collectors.joining(", "))).append(" (in scenarios, any case: `")
                .append(((Enum<?>) c.getEnumConstants()[0]).name().toLowerCase().replace('_', '-')).append("`).\n");
        methods(s, c, src, Set.of());
    }

    private static void valueType(StringBuilder s, Class<?> c, String src) {
        int decl = src.indexOf("public final class " + c.getSimpleName());
        Doc doc = new Doc("", Map.of());
        if (decl > 0) {
            String before = src.substring(0, decl);
            int start = before.lastIndexOf("/**");
            Matcher m = JAVADOC.matcher(before);
            if (start >= 0 && m.find(start)) doc = parse(m.group(1));
        }
        s.append("\n## ").append(c.getSimpleName()).append("\n\n");
        if (!doc.text().isEmpty()) s.append(doc.text()).append("\n\n");
        List<Method> methods = Arrays.stream(c.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .filter(m -> !Set.of("equals", "hashCode", "toString").contains(m.getName()))
                .sorted(Comparator.comparing(Method::getName).thenComparingInt(Method::getParameterCount)).toList();
        s.append("| method | returns | meaning |\n|---|---|---|\n");
        for (Method m : methods) {
            String sig = m.getName() + "(" + Arrays.stream(m.getGenericParameterTypes()).map(FactsDoc::typeName).collect(Collectors.joining(", ")) + ")";
            s.append("| `").append(sig).append("` | ").append(typeName(m.getGenericReturnType())).append(" | ")
                    .append(methodDoc(src, m.getName()).replace("|", "\\|")).append(" |\n");
        }
    }

    record Doc(String text, Map<String, String> params) {
    }

    private static Doc typeDoc(String src, Class<?> c) {
        int decl = src.indexOf("public " + (c.isRecord() ? "record " : "enum ") + c.getSimpleName());
        if (decl < 0) return new Doc("", Map.of());
        String before = src.substring(0, decl);
        int start = before.lastIndexOf("/**");
        if (start < 0) return new Doc("", Map.of());
        Matcher m = JAVADOC.matcher(before);
        if (!m.find(start)) return new Doc("", Map.of());
        return parse(m.group(1));
    }

    private static String methodDoc(String src, String name) {
        Matcher decl = Pattern.compile("public [^;{=]*\\b" + Pattern.quote(name) + "\\(").matcher(src);
        if (!decl.find()) return "";
        String before = src.substring(0, decl.start()).stripTrailing();
        if (!before.endsWith("*/")) return "";
        int start = before.lastIndexOf("/**");
        return start < 0 ? "" : parse(before.substring(start + 3, before.length() - 2)).text();
    }

    private static Doc parse(String body) {
        StringBuilder text = new StringBuilder();
        Map<String, String> params = new LinkedHashMap<>();
        String current = null;
        for (String line : body.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("*")) l = l.substring(1).strip();
            if (l.startsWith("@param")) {
                String[] p = l.substring(6).strip().split("\\s+", 2);
                current = p[0];
                params.put(current, p.length > 1 ? p[1] : "");
            } else if (l.startsWith("@")) {
                current = "";
            } else if (current == null) {
                text.append(l.isEmpty() ? "\n" : l + " ");
            } else if (!current.isEmpty()) {
                params.put(current, params.get(current) + " " + l);
            }
        }
        Map<String, String> cleaned = new LinkedHashMap<>();
        params.forEach((k, v) -> cleaned.put(k, clean(v)));
        return new Doc(clean(text.toString()), cleaned);
    }

    private static String clean(String s) {
        String t = s.replaceAll("<p>", "\n").replaceAll("</?[a-z]+>", "");
        t = t.replaceAll("\\{@(?:code|literal) ([^}]*)}", "`$1`");
        t = t.replaceAll("\\{@link(?:plain)? #([^}\\s]*)(?: ([^}]*))?}", "`$1`");
        t = t.replaceAll("\\{@link(?:plain)? ([^}\\s]*)(?: ([^}]*))?}", "`$1`");
        return t.lines().map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.joining(" ")).strip();
    }

    static String typeName(Type t) {
        if (t instanceof Class<?> c) return c.getSimpleName();
        if (t instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getSimpleName() + "&lt;"
                    + Arrays.stream(p.getActualTypeArguments()).map(FactsDoc::typeName).collect(Collectors.joining(", ")) + "&gt;";
        }
        return t.getTypeName();
    }
}
