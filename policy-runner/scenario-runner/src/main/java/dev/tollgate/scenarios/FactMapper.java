package dev.tollgate.scenarios;

import dev.tollgate.api.facts.Location;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds fact records from scenario YAML by reflection over their record components, so a new
 * fact type in {@code dev.tollgate.api.facts} (or any record named by its full class name) can be
 * used in scenarios without changing this class. The rules, in the order they apply:
 *
 * <ul>
 *   <li>{@code type: LockedPackage} names a record in {@code dev.tollgate.api.facts}, or any record by
 *       its full class name; {@code LockedPackage: {...}} and {@code LockedPackage: serde@1.0.0} are
 *       the same with the type as the key.</li>
 *   <li>Fields are the record components, in camelCase or kebab-case ({@code viaDefaults},
 *       {@code via-defaults}).</li>
 *   <li>{@code package: name@version} sets {@code name}, {@code version}, {@code id} and
 *       {@code packageId}, whichever the record has; a plain string value for a record that has them
 *       means the same. An absent {@code id} is {@code name@version}.</li>
 *   <li>A record with a static {@code defaults(String file)} factory ({@code SourcesConfig},
 *       {@code GraphConfig}) starts from {@code defaults("deny.toml")}: absent fields keep those values.</li>
 *   <li>Other absent fields: {@code ""}, 0, false, empty lists, sets and maps, the first constant of an
 *       enum, {@link Location#NONE}, the {@link ValueParser#defaultValue()} of the type (a {@code Source}
 *       is crates.io), else a record built from its own defaults. {@code null} (or {@code ~}) written
 *       for a field is Java's null, except for collections, maps, enums and locations (their defaults).</li>
 *   <li>Values: enums by name in any case, {@code -} or {@code .} for {@code _} ({@code deny}, {@code sparse-registry},
 *       {@code build.allow-build-scripts});
 *       a {@link Location} as {@code FILE:LINE:COLUMN} or {@code {file, line, column}}; a single value where
 *       a list is wanted is a one-element list; a string for a type with a {@link ValueParser} is parsed.</li>
 * </ul>
 */
public final class FactMapper {
    public static final String FACTS_PACKAGE = "dev.tollgate.api.facts";

    private final Map<Class<?>, ValueParser> parsers = new HashMap<>();
    private final Map<String, Node> typeDefaults;
    private final ClassLoader loader;

    /** @param typeDefaults per type name, fields that replace the built-in defaults (a file's {@code defaults:} table) */
    public FactMapper(ClassLoader loader, Map<String, Node> typeDefaults) {
        this.loader = loader;
        this.typeDefaults = Map.copyOf(typeDefaults);
        for (ValueParser p : ServiceLoader.load(ValueParser.class, loader)) parsers.put(p.type(), p);
    }

    public FactMapper() {
        this(FactMapper.class.getClassLoader(), Map.of());
    }

    /** One entry of a {@code facts:} list. */
    public Object fact(Node entry) {
        if (entry.isMap() && entry.get("type") != null) {
            Class<?> type = type(entry.get("type"));
            Map<String, Node> fields = new LinkedHashMap<>(entry.map());
            fields.remove("type");
            return record(type, new Node(fields, entry.file(), entry.line(), entry.column()));
        }
        if (entry.isMap() && entry.map().size() == 1) {
            Map.Entry<String, Node> only = entry.map().entrySet().iterator().next();
            Class<?> type = type(new Node(only.getKey(), entry.file(), entry.line(), entry.column()));
            Node body = only.getValue();
            if (body.value() == null) body = new Node(new LinkedHashMap<String, Node>(), body.file(), body.line(), body.column());
            return convert(body, type, type.getSimpleName());
        }
        throw entry.error("a fact is `type: TYPE` with its fields, or `TYPE: {fields}`, or `TYPE: shorthand`; found " + entry.describe());
    }

    /** Resolves a type name: a simple name in {@value #FACTS_PACKAGE}, or a full class name. */
    public Class<?> type(Node name) {
        String n = name.text();
        List<String> tries = n.contains(".") ? List.of(n) : List.of(FACTS_PACKAGE + "." + n);
        for (String c : tries) {
            try {
                Class<?> k = Class.forName(c, false, loader);
                if (!k.isRecord()) throw name.error("`" + n + "` is not a record type; facts are records");
                return k;
            } catch (ClassNotFoundException e) {
                // fall through
            }
        }
        throw name.error("unknown fact type `" + n + "`" + Suggest.suffix(n, FactTypes.simpleNames(loader))
                + " (see docs/facts.md)");
    }

    /** Builds a record of {@code type} from a mapping node. */
    public Object record(Class<?> type, Node node) {
        if (node.isScalar()) return shorthand(type, node);
        Map<String, Node> given = new LinkedHashMap<>();
        Node defaults = typeDefaults.get(type.getSimpleName());
        if (defaults != null) given.putAll(normalize(type, defaults));
        given.putAll(normalize(type, node));
        RecordComponent[] comps = type.getRecordComponents();
        Object base = defaultsInstance(type);
        Object[] args = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
            RecordComponent c = comps[i];
            Node v = given.get(c.getName());
            String where = type.getSimpleName() + "." + c.getName();
            if (v != null && v.value() != null) {
                args[i] = convert(v, c.getGenericType(), where);
            } else if (v != null && nullable(c.getType())) {
                // `field: null` (or `~`) writes Java's null, as an extractor may leave it (a local package's
                // source URL, say), so a rule's null handling can be tested; an absent field is the default
                args[i] = null;
            } else if (base != null) {
                args[i] = read(c, base);
            } else {
                args[i] = defaultOf(c.getGenericType(), c.getName(), given, node);
            }
        }
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(java.util.Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new));
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw node.error("cannot build " + type.getSimpleName() + ": " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw node.error("cannot build " + type.getSimpleName() + ": " + e);
        }
    }

    /** Field names in kebab-case become camelCase; {@code package: n@v} expands; unknown fields are errors. */
    private Map<String, Node> normalize(Class<?> type, Node node) {
        Map<String, Node> out = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent c : type.getRecordComponents()) names.add(c.getName());
        for (Map.Entry<String, Node> e : node.map().entrySet()) {
            String key = camel(e.getKey());
            if (key.equals("package") && !names.contains("package")) {
                out.putAll(packageFields(names, e.getValue()));
                continue;
            }
            if (!names.contains(key)) {
                Set<String> candidates = new LinkedHashSet<>(names);
                if (names.contains("packageId") || (names.contains("name") && names.contains("version"))) candidates.add("package");
                throw e.getValue().error("unknown field `" + e.getKey() + "` of " + type.getSimpleName()
                        + Suggest.suffix(key, candidates) + "; its fields: " + String.join(", ", names));
            }
            out.put(key, e.getValue());
        }
        return out;
    }

    private static Map<String, Node> packageFields(Set<String> names, Node spec) {
        String s = spec.text();
        dev.tollgate.api.facts.PackageId id;
        try {
            id = dev.tollgate.api.facts.PackageId.parse(s);
        } catch (IllegalArgumentException e) {
            throw spec.error("a package is written `name@version`, found `" + s + "`");
        }
        if (id.version().isEmpty()) throw spec.error("a package is written `name@version`, found `" + s + "`");
        Map<String, Node> out = new LinkedHashMap<>();
        if (names.contains("name")) out.put("name", new Node(id.name(), spec.file(), spec.line(), spec.column()));
        if (names.contains("version")) out.put("version", new Node(id.version(), spec.file(), spec.line(), spec.column()));
        if (names.contains("id")) out.put("id", spec);
        if (names.contains("packageId")) out.put("packageId", spec);
        if (out.isEmpty()) throw spec.error("`package:` applies to facts with name and version, id or packageId fields");
        return out;
    }

    private Object shorthand(Class<?> type, Node node) {
        ValueParser p = parsers.get(type);
        if (p != null) return parse(p, node);
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent c : type.getRecordComponents()) names.add(c.getName());
        if (names.contains("packageId") || (names.contains("name") && names.contains("version"))) {
            return record(type, new Node(Map.of("package", node), node.file(), node.line(), node.column()));
        }
        throw node.error(type.getSimpleName() + " has no one-line form; write its fields (" + String.join(", ", names) + ")");
    }

    private static Object parse(ValueParser p, Node node) {
        try {
            return p.parse(node.text());
        } catch (IllegalArgumentException e) {
            throw node.error("not a valid " + p.type().getSimpleName() + " `" + node.text() + "`: " + e.getMessage());
        }
    }

    /** A configuration table: a record with a static {@code defaults(String file)} factory, one per evaluation. */
    public static boolean isConfigTable(Class<?> type) {
        try {
            Method m = type.getMethod("defaults", String.class);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object defaultsInstance(Class<?> type) {
        try {
            Method m = type.getMethod("defaults", String.class);
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type) return m.invoke(null, "deny.toml");
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }

    private static Object read(RecordComponent c, Object base) {
        try {
            return c.getAccessor().invoke(base);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object defaultOf(Type t, String name, Map<String, Node> given, Node at) {
        Class<?> raw = rawClass(t);
        if (raw == String.class) {
            if (name.equals("id") && given.containsKey("name") && given.containsKey("version")) {
                return given.get("name").text() + "@" + given.get("version").text();
            }
            return "";
        }
        if (raw == int.class || raw == Integer.class) return 0;
        if (raw == long.class || raw == Long.class) return 0L;
        if (raw == double.class || raw == Double.class) return 0.0;
        if (raw == boolean.class || raw == Boolean.class) return false;
        if (List.class.isAssignableFrom(raw) || raw == Collection.class) return List.of();
        if (Set.class.isAssignableFrom(raw)) return Set.of();
        if (Map.class.isAssignableFrom(raw)) return Map.of();
        if (raw.isEnum()) return raw.getEnumConstants()[0];
        if (raw == Location.class) return Location.NONE;
        ValueParser p = parsers.get(raw);
        if (p != null && p.defaultValue() != null) return p.defaultValue();
        if (raw.isRecord()) return record(raw, new Node(new LinkedHashMap<String, Node>(), at.file(), at.line(), at.column()));
        return null;
    }

    /** Whether a component may be written as {@code null}: any reference type but collections, maps, enums and locations. */
    private static boolean nullable(Class<?> type) {
        return !type.isPrimitive() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && !type.isEnum() && type != Location.class;
    }

    /** Converts a node to a (possibly generic) type. */
    public Object convert(Node v, Type t, String where) {
        Class<?> raw = rawClass(t);
        if (v.value() == null) return defaultOf(t, where, Map.of(), v);
        ValueParser p = parsers.get(raw);
        if (p != null && v.isScalar()) return parse(p, v);
        if (raw == String.class) return v.text();
        if (raw == int.class || raw == Integer.class) return (int) number(v, where);
        if (raw == long.class || raw == Long.class) return number(v, where);
        if (raw == double.class || raw == Double.class) {
            try {
                return Double.parseDouble(v.text());
            } catch (NumberFormatException e) {
                throw v.error(where + " takes a number, found " + v.describe());
            }
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (v.value() instanceof Boolean b) return b;
            throw v.error(where + " takes true or false, found " + v.describe());
        }
        if (raw.isEnum()) return enumValue(raw, v, where);
        if (raw == Location.class) return location(v, where);
        if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
            List<Object> out = new ArrayList<>();
            for (Node n : v.list()) out.add(convert(n, typeArg(t, 0), where + "[]"));
            return out;
        }
        if (Set.class.isAssignableFrom(raw)) {
            Set<Object> out = new LinkedHashSet<>();
            for (Node n : v.list()) out.add(convert(n, typeArg(t, 0), where + "[]"));
            return out;
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : v.map().entrySet()) {
                out.put(e.getKey(), convert(e.getValue(), typeArg(t, 1), where + "." + e.getKey()));
            }
            return out;
        }
        if (raw.isRecord()) return record(raw, v);
        if (raw == Object.class) return v.isScalar() ? v.value() : plain(v);
        throw v.error(where + ": values of type " + raw.getSimpleName() + " cannot be written in a scenario");
    }

    private static Object plain(Node v) {
        if (v.isMap()) {
            Map<String, Object> m = new TreeMap<>();
            v.map().forEach((k, n) -> m.put(k, plain(n)));
            return m;
        }
        if (v.isList()) return v.list().stream().map(FactMapper::plain).toList();
        return v.value();
    }

    private static long number(Node v, String where) {
        if (v.value() instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(v.text().trim());
        } catch (NumberFormatException e) {
            throw v.error(where + " takes a whole number, found " + v.describe());
        }
    }

    private static Object enumValue(Class<?> type, Node v, String where) {
        String want = v.text().trim().replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            String n = ((Enum<?>) c).name();
            if (n.equals(want)) return c;
            names.add(n.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw v.error(where + " is one of " + String.join(", ", names) + "; found " + v.describe());
    }

    private Location location(Node v, String where) {
        if (v.isMap()) return (Location) record(Location.class, v);
        String s = v.text();
        String[] parts = s.split(":");
        try {
            int n = parts.length;
            if (n >= 3 && isInt(parts[n - 1]) && isInt(parts[n - 2])) {
                return Location.of(String.join(":", java.util.Arrays.copyOf(parts, n - 2)),
                        Integer.parseInt(parts[n - 2]), Integer.parseInt(parts[n - 1]));
            }
            if (n >= 2 && isInt(parts[n - 1])) {
                return Location.of(String.join(":", java.util.Arrays.copyOf(parts, n - 1)), Integer.parseInt(parts[n - 1]), 0);
            }
            return Location.file(s);
        } catch (NumberFormatException e) {
            throw v.error(where + " is FILE:LINE:COLUMN, found " + v.describe());
        }
    }

    private static boolean isInt(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    static String camel(String key) {
        if (key.indexOf('-') < 0 && key.indexOf('_') < 0) return key;
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return s.toString();
    }

    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (t instanceof java.lang.reflect.WildcardType w) return rawClass(w.getUpperBounds()[0]);
        return Object.class;
    }

    private static Type typeArg(Type t, int i) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) return p.getActualTypeArguments()[i];
        return Object.class;
    }
}
