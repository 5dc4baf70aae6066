package dev.tollgate.inputs.cargo;

import dev.tollgate.inputs.io.ContentCache;
import dev.tollgate.inputs.io.InputFiles;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code Cargo.toml} into a {@link Manifest}, with the line of the {@code [package]} section
 * and of each dependency declaration.
 *
 * <p>Two ways to the same result. tomlj gives exact positions but costs a cold process about 25 ms
 * per manifest after a few hundred milliseconds of start-up (0.8 s for ZeroClaw's 29 manifests,
 * against a 0.5 s budget for a whole check). So values are first read with jackson-dataformat-toml's
 * token stream (about 1 ms per manifest once the lockfile reader has started jackson) and lines with
 * {@link KeyLines}; that result is used only when every key whose line is reported was found by the
 * line scan, and the keys the scan saw in each table read are exactly the keys jackson read there.
 * Anything else (a multi-line string, a layout the scan does not follow, malformed TOML) goes to
 * tomlj, which also words the syntax errors. Tests check that both ways agree on real manifests.
 *
 * <p>Keys are always handled as paths of single keys: a target key like {@code cfg(unix)} or a
 * dependency named {@code "foo.bar"} must never be split at its dots.
 */
public final class ManifestReader {
    private static final String[] KIND_TABLES = {
        "dependencies", "dev-dependencies", "dev_dependencies", "build-dependencies", "build_dependencies",
    };
    private static final TomlFactory TOML = new TomlFactory();

    private ManifestReader() {
    }

    /** Parsed manifests by text and name, for the next check in this JVM ({@link ContentCache}: keyed by SHA-256). */
    private static final ContentCache<ContentCache.TextKey, Manifest> PARSED = new ContentCache<>(1024);

    /**
     * Reads a manifest.
     *
     * @param displayPath how findings and errors name the file (relative to the repository root)
     * @throws InputException when the file is missing, is not TOML, or has a section of the wrong shape
     */
    public static Manifest read(Path file, String displayPath) {
        String text = InputFiles.readText(file, displayPath, InputFiles.Kind.MANIFEST);
        return ContentCache.parseText(PARSED, displayPath, text, () -> parse(text, displayPath));
    }

    /** Reads manifest text; see {@link #read(Path, String)}. */
    public static Manifest parse(String text, String displayPath) {
        dev.tollgate.inputs.io.TomlNesting.check(text, displayPath);
        Manifest fast = parseFast(text, displayPath);
        return fast != null ? fast : parseExact(text, displayPath);
    }

    /** The jackson + line-scan reading, or null when its lines cannot be trusted. */
    static Manifest parseFast(String text, String displayPath) {
        KeyLines lines = KeyLines.scan(text);
        if (lines == null) return null;
        Map<String, Object> tree;
        try (JsonParser p = TOML.createParser(text)) {
            tree = p.nextToken() == JsonToken.START_OBJECT ? object(p) : Map.of();
        } catch (JacksonException e) {
            return null; // tomlj describes the syntax error
        } catch (IOException e) {
            throw new InputException(displayPath, 0, 0, "cannot parse: " + e.getMessage(), e);
        }
        try {
            return new Reader(displayPath, tree, new ScannedPositions(lines, displayPath)).read();
        } catch (Unlocated e) {
            return null;
        }
    }

    /** The tomlj reading: exact positions, exact syntax errors. */
    static Manifest parseExact(String text, String displayPath) {
        Tomlj.Parsed parsed = Tomlj.parse(text, displayPath);
        return new Reader(displayPath, parsed.tree(), parsed.positions()::apply).read();
    }

    /** Where a key path was defined. */
    private interface Positions {
        Location at(List<String> path);

        /** Confirms that {@code keys} are all the keys of {@code table}; the scanned positions check it. */
        default void confirmKeys(List<String> table, Set<String> keys) {
        }
    }

    /** Thrown (and caught within this class) when the line scan cannot vouch for a position. */
    private static final class Unlocated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unlocated() {
            super(null, null, false, false);
        }
    }

    private record ScannedPositions(KeyLines lines, String file) implements Positions {
        @Override
        public Location at(List<String> path) {
            int[] at = lines.first(path);
            if (at == null) throw new Unlocated();
            return Location.of(file, at[0], at[1]);
        }

        @Override
        public void confirmKeys(List<String> table, Set<String> keys) {
            if (!lines.keys(table).equals(keys)) throw new Unlocated();
        }
    }

    /** A TOML table from jackson's token stream, the current token being START_OBJECT. */
    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            out.put(key, value(p));
        }
        return out;
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p));
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            default -> String.valueOf(p.getEmbeddedObject());
        };
    }

    /** Turns the plain tree into a Manifest; every shape error names the file and the key's line. */
    private static final class Reader {
        private final String file;
        private final Map<String, Object> root;
        private final Positions positions;

        Reader(String file, Map<String, Object> root, Positions positions) {
            this.file = file;
            this.root = root;
            this.positions = positions;
        }

        Manifest read() {
            Manifest.Package pkg = pkg();
            List<Manifest.Dependency> deps = new ArrayList<>();
            for (String kindTable : KIND_TABLES) {
                dependencies(root, List.of(), kindTable, "", deps);
            }
            Map<String, Object> targets = table(root, List.of(), "target");
            if (targets != null) {
                for (String target : targets.keySet()) {
                    Map<String, Object> t = table(targets, List.of("target"), target);
                    for (String kindTable : KIND_TABLES) {
                        dependencies(t, List.of("target", target), kindTable, target, deps);
                    }
                }
            }
            deps.sort(Comparator.comparingInt(d -> d.origin().line()));
            return new Manifest(file, pkg, deps, workspace());
        }

        private Manifest.Package pkg() {
            String key = root.get("package") instanceof Map ? "package" : root.get("project") instanceof Map ? "project" : null;
            if (key == null) {
                if (root.containsKey("package")) throw shape(List.of(), "package", "is not a table");
                return null;
            }
            Map<String, Object> p = table(root, List.of(), key);
            List<String> at = List.of(key);
            Location origin = positions.at(at);
            String name = string(p, at, "name");
            if (name == null || name.isBlank()) {
                throw new InputException(file, origin.line(), origin.column(), "[" + key + "] without a name");
            }
            String version = "0.0.0";
            boolean versionInherited = inherits(p, "version");
            if (versionInherited) {
                version = "";
            } else if (p.containsKey("version")) {
                version = string(p, at, "version");
            }
            boolean publishInherited = inherits(p, "publish");
            boolean publish = publishInherited || publish(p, at);
            boolean rustVersionInherited = inherits(p, "rust-version");
            String rustVersion = rustVersionInherited ? "" : orEmpty(string(p, at, "rust-version"));
            return new Manifest.Package(name, version, versionInherited, publish, publishInherited, features(), origin,
                    rustVersion, rustVersionInherited);
        }

        /** {@code publish = false} and {@code publish = []} forbid publishing; a registry list or true allow it. */
        private boolean publish(Map<String, Object> t, List<String> at) {
            Object v = t.get("publish");
            if (v == null) return true;
            if (v instanceof Boolean b) return b;
            if (v instanceof List<?> list) return !list.isEmpty();
            throw shape(at, "publish", "is neither a boolean nor a list of registries");
        }

        private Map<String, List<String>> features() {
            Map<String, Object> t = table(root, List.of(), "features");
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (t == null) return out;
            for (String feature : t.keySet()) {
                out.put(feature, strings(t, List.of("features"), feature));
            }
            return out;
        }

        private void dependencies(Map<String, Object> parent, List<String> parentPath, String kindTable, String target,
                                  List<Manifest.Dependency> out) {
            Map<String, Object> t = table(parent, parentPath, kindTable);
            if (t == null) return;
            List<String> path = append(parentPath, kindTable);
            positions.confirmKeys(path, t.keySet());
            DepKind kind = kindTable.startsWith("dev") ? DepKind.DEV : kindTable.startsWith("build") ? DepKind.BUILD : DepKind.NORMAL;
            for (String name : t.keySet()) {
                out.add(dependency(t, path, name, kind, target));
            }
        }

        private Manifest.Dependency dependency(Map<String, Object> t, List<String> tablePath, String name, DepKind kind,
                                               String target) {
            Location origin = positions.at(append(tablePath, name));
            Object v = t.get(name);
            if (v instanceof String req) {
                return new Manifest.Dependency(name, name, kind, false, target, false, req, "", "", List.of(), null, origin);
            }
            if (!(v instanceof Map<?, ?>)) {
                throw new InputException(file, origin.line(), origin.column(),
                        "dependency " + name + " is neither a version string nor a table");
            }
            Map<String, Object> d = table(t, tablePath, name);
            List<String> at = append(tablePath, name);
            String packageName = string(d, at, "package");
            Boolean defaults = bool(d, at, "default-features");
            if (defaults == null) defaults = bool(d, at, "default_features");
            return new Manifest.Dependency(name, packageName == null ? name : packageName, kind,
                    Boolean.TRUE.equals(bool(d, at, "optional")), target, Boolean.TRUE.equals(bool(d, at, "workspace")),
                    orEmpty(string(d, at, "version")), orEmpty(string(d, at, "path")), orEmpty(string(d, at, "git")),
                    d.containsKey("features") ? strings(d, at, "features") : List.of(), defaults, origin);
        }

        private Manifest.Workspace workspace() {
            Map<String, Object> w = table(root, List.of(), "workspace");
            if (w == null) return null;
            List<String> at = List.of("workspace");
            List<String> members = w.containsKey("members") ? strings(w, at, "members") : List.of();
            List<String> exclude = w.containsKey("exclude") ? strings(w, at, "exclude") : List.of();
            Map<String, Object> pkg = table(w, at, "package");
            List<String> pkgAt = List.of("workspace", "package");
            String version = pkg == null ? "" : orEmpty(string(pkg, pkgAt, "version"));
            boolean publish = pkg == null || publish(pkg, pkgAt);
            List<Manifest.Dependency> deps = new ArrayList<>();
            dependencies(w, at, "dependencies", "", deps);
            String rustVersion = pkg == null ? "" : orEmpty(string(pkg, pkgAt, "rust-version"));
            return new Manifest.Workspace(members, exclude, version, publish, deps, positions.at(at), rustVersion);
        }

        /** {@code key.workspace = true} (or {@code key = { workspace = true }}). */
        private static boolean inherits(Map<String, Object> t, String key) {
            return t.get(key) instanceof Map<?, ?> sub && Boolean.TRUE.equals(sub.get("workspace"));
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> table(Map<String, Object> t, List<String> at, String key) {
            Object v = t.get(key);
            if (v == null) return null;
            if (v instanceof Map<?, ?> sub) return (Map<String, Object>) sub;
            throw shape(at, key, "is not a table");
        }

        private String string(Map<String, Object> t, List<String> at, String key) {
            Object v = t.get(key);
            if (v == null) return null;
            if (v instanceof String s) return s;
            throw shape(at, key, "is not a string");
        }

        private Boolean bool(Map<String, Object> t, List<String> at, String key) {
            Object v = t.get(key);
            if (v == null) return null;
            if (v instanceof Boolean b) return b;
            throw shape(at, key, "is not a boolean");
        }

        private List<String> strings(Map<String, Object> t, List<String> at, String key) {
            if (!(t.get(key) instanceof List<?> list)) throw shape(at, key, "is not a list of strings");
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String s)) throw shape(at, key, "is not a list of strings");
                out.add(s);
            }
            return out;
        }

        private InputException shape(List<String> table, String key, String problem) {
            Location l = positions.at(append(table, key));
            return new InputException(file, l.line(), l.column(), "`" + key + "` " + problem);
        }

        private static List<String> append(List<String> path, String key) {
            List<String> out = new ArrayList<>(path.size() + 1);
            out.addAll(path);
            out.add(key);
            return out;
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
