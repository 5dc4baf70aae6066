package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.InputException;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code Cargo.toml} into a {@link Manifest}. tomlj is used here rather than jackson because
 * findings point at declarations (the {@code [package]} line, each dependency's line) and manifests are
 * small, so its positions are worth its slower start.
 *
 * <p>Keys are always looked up as one-element paths: tomlj's string look-ups parse the key as a dotted
 * path, which a target key like {@code cfg(unix)} or a dependency named {@code foo.bar} would break.
 */
public final class ManifestReader {
    private static final String[] KIND_TABLES = {
        "dependencies", "dev-dependencies", "dev_dependencies", "build-dependencies", "build_dependencies",
    };

    private ManifestReader() {
    }

    /**
     * Reads a manifest.
     *
     * @param displayPath how findings and errors name the file (relative to the repository root)
     * @throws InputException when the file is missing, is not TOML, or has a section of the wrong shape
     */
    public static Manifest read(Path file, String displayPath) {
        return parse(InputFiles.readText(file, displayPath), displayPath);
    }

    /** Reads manifest text; see {@link #read(Path, String)}. */
    public static Manifest parse(String text, String displayPath) {
        TomlParseResult root = InputFiles.parseToml(text, displayPath);
        Reader r = new Reader(displayPath);
        Manifest.Package pkg = r.pkg(root);
        List<Manifest.Dependency> deps = new ArrayList<>();
        for (String kindTable : KIND_TABLES) {
            r.dependencies(root, kindTable, "", deps);
        }
        TomlTable targets = r.table(root, "target");
        if (targets != null) {
            for (String target : targets.keySet()) {
                TomlTable t = r.table(targets, target);
                if (t == null) continue;
                for (String kindTable : KIND_TABLES) {
                    r.dependencies(t, kindTable, target, deps);
                }
            }
        }
        deps.sort(Comparator.comparingInt(d -> d.origin().line()));
        return new Manifest(displayPath, pkg, deps, r.workspace(root));
    }

    /** Reading helpers that know the file, so that every shape error names it and the key's line. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        Manifest.Package pkg(TomlTable root) {
            String key = root.isTable(List.of("package")) ? "package" : root.isTable(List.of("project")) ? "project" : null;
            if (key == null) {
                if (root.contains(List.of("package"))) throw shape(root, "package", "is not a table");
                return null;
            }
            TomlTable p = root.getTable(List.of(key));
            Location origin = at(root, key);
            String name = string(p, "name");
            if (name == null || name.isBlank()) {
                throw new InputException(file, origin.line(), origin.column(), "[" + key + "] without a name");
            }
            String version = "0.0.0";
            boolean versionInherited = inherits(p, "version");
            if (versionInherited) {
                version = "";
            } else if (p.contains(List.of("version"))) {
                version = string(p, "version");
            }
            boolean publishInherited = inherits(p, "publish");
            boolean publish = publishInherited || publish(p);
            return new Manifest.Package(name, version, versionInherited, publish, publishInherited, features(root), origin);
        }

        /** {@code publish = false} and {@code publish = []} forbid publishing; a registry list or true allow it. */
        boolean publish(TomlTable t) {
            Object v = t.get(List.of("publish"));
            if (v == null) return true;
            if (v instanceof Boolean b) return b;
            if (v instanceof TomlArray a) return !a.isEmpty();
            throw shape(t, "publish", "is neither a boolean nor a list of registries");
        }

        Map<String, List<String>> features(TomlTable root) {
            TomlTable t = table(root, "features");
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (t == null) return out;
            for (String feature : t.keySet()) {
                out.put(feature, strings(t, feature));
            }
            return out;
        }

        void dependencies(TomlTable parent, String kindTable, String target, List<Manifest.Dependency> out) {
            TomlTable t = table(parent, kindTable);
            if (t == null) return;
            DepKind kind = kindTable.startsWith("dev") ? DepKind.DEV : kindTable.startsWith("build") ? DepKind.BUILD : DepKind.NORMAL;
            for (String name : t.keySet()) {
                out.add(dependency(t, name, kind, target));
            }
        }

        Manifest.Dependency dependency(TomlTable t, String name, DepKind kind, String target) {
            Location origin = at(t, name);
            Object v = t.get(List.of(name));
            if (v instanceof String req) {
                return new Manifest.Dependency(name, name, kind, false, target, false, req, "", "", List.of(), null, origin);
            }
            if (!(v instanceof TomlTable d)) {
                throw new InputException(file, origin.line(), origin.column(),
                        "dependency " + name + " is neither a version string nor a table");
            }
            String packageName = string(d, "package");
            Boolean defaults = bool(d, "default-features");
            if (defaults == null) defaults = bool(d, "default_features");
            return new Manifest.Dependency(name, packageName == null ? name : packageName, kind,
                    Boolean.TRUE.equals(bool(d, "optional")), target, Boolean.TRUE.equals(bool(d, "workspace")),
                    orEmpty(string(d, "version")), orEmpty(string(d, "path")), orEmpty(string(d, "git")),
                    d.contains(List.of("features")) ? strings(d, "features") : List.of(), defaults, origin);
        }

        Manifest.Workspace workspace(TomlTable root) {
            TomlTable w = table(root, "workspace");
            if (w == null) return null;
            List<String> members = w.contains(List.of("members")) ? strings(w, "members") : List.of();
            List<String> exclude = w.contains(List.of("exclude")) ? strings(w, "exclude") : List.of();
            TomlTable pkg = table(w, "package");
            String version = pkg == null ? "" : orEmpty(string(pkg, "version"));
            boolean publish = pkg == null || publish(pkg);
            List<Manifest.Dependency> deps = new ArrayList<>();
            dependencies(w, "dependencies", "", deps);
            return new Manifest.Workspace(members, exclude, version, publish, deps, at(root, "workspace"));
        }

        /** {@code key.workspace = true} (or {@code key = { workspace = true }}). */
        boolean inherits(TomlTable t, String key) {
            Object v = t.get(List.of(key));
            return v instanceof TomlTable sub && Boolean.TRUE.equals(sub.get(List.of("workspace")));
        }

        TomlTable table(TomlTable t, String key) {
            Object v = t.get(List.of(key));
            if (v == null) return null;
            if (v instanceof TomlTable sub) return sub;
            throw shape(t, key, "is not a table");
        }

        String string(TomlTable t, String key) {
            Object v = t.get(List.of(key));
            if (v == null) return null;
            if (v instanceof String s) return s;
            throw shape(t, key, "is not a string");
        }

        Boolean bool(TomlTable t, String key) {
            Object v = t.get(List.of(key));
            if (v == null) return null;
            if (v instanceof Boolean b) return b;
            throw shape(t, key, "is not a boolean");
        }

        List<String> strings(TomlTable t, String key) {
            Object v = t.get(List.of(key));
            if (!(v instanceof TomlArray a)) throw shape(t, key, "is not a list of strings");
            List<String> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                if (!(a.get(i) instanceof String s)) throw shape(t, key, "is not a list of strings");
                out.add(s);
            }
            return out;
        }

        Location at(TomlTable t, String key) {
            TomlPosition p = t.inputPositionOf(List.of(key));
            return p == null ? Location.file(file) : Location.of(file, p.line(), p.column());
        }

        InputException shape(TomlTable t, String key, String problem) {
            Location l = at(t, key);
            return new InputException(file, l.line(), l.column(), "`" + key + "` " + problem);
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
