package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.inputs.InputException;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code Cargo.toml} with tomlj, which keeps the position of every key (findings about a
 * dependency point at its declaration). Manifests are small, so tomlj's cold cost is paid on a few
 * kilobytes each; the large lockfile goes through the faster reader ({@link CargoLockReader}).
 * Values of the wrong type are input errors naming the key's line, as Cargo rejects them too.
 */
public final class ManifestReader {
    private static final Map<String, DepKind> DEP_TABLES = new LinkedHashMap<>();

    static {
        DEP_TABLES.put("dependencies", DepKind.NORMAL);
        DEP_TABLES.put("dev-dependencies", DepKind.DEV);
        DEP_TABLES.put("dev_dependencies", DepKind.DEV);
        DEP_TABLES.put("build-dependencies", DepKind.BUILD);
        DEP_TABLES.put("build_dependencies", DepKind.BUILD);
    }

    private ManifestReader() {
    }

    public static Manifest read(Path file, String displayPath) {
        return parse(InputFiles.readText(file, displayPath), displayPath);
    }

    public static Manifest parse(String text, String displayPath) {
        TomlParseResult toml = InputFiles.parseToml(text, displayPath);
        Manifest.PackageSection pkg = null;
        TomlTable p = table(toml, "package", displayPath, toml);
        if (p != null) pkg = packageSection(p, toml, displayPath);

        List<Manifest.Dependency> deps = new ArrayList<>();
        for (Map.Entry<String, DepKind> t : DEP_TABLES.entrySet()) {
            TomlTable table = table(toml, t.getKey(), displayPath, toml);
            if (table != null) deps.addAll(dependencies(table, t.getValue(), "", displayPath));
        }
        TomlTable targets = table(toml, "target", displayPath, toml);
        if (targets != null) {
            for (String cfg : targets.keySet()) {
                TomlTable target = targets.getTable(List.of(cfg));
                if (target == null) continue;
                for (Map.Entry<String, DepKind> t : DEP_TABLES.entrySet()) {
                    Object v = target.get(List.of(t.getKey()));
                    if (v instanceof TomlTable table) deps.addAll(dependencies(table, t.getValue(), cfg, displayPath));
                }
            }
        }

        Manifest.WorkspaceSection ws = null;
        TomlTable w = table(toml, "workspace", displayPath, toml);
        if (w != null) {
            String version = null;
            TomlTable wp = w.getTable("package");
            if (wp != null && wp.get("version") instanceof String s) version = s;
            Map<String, Manifest.Dependency> wdeps = new LinkedHashMap<>();
            TomlTable wd = w.getTable("dependencies");
            if (wd != null) {
                for (Manifest.Dependency d : dependencies(wd, DepKind.NORMAL, "", displayPath)) wdeps.put(d.name(), d);
            }
            ws = new Manifest.WorkspaceSection(strings(w, "members", displayPath), strings(w, "exclude", displayPath),
                    version, wdeps, line(toml.inputPositionOf("workspace")));
        }
        return new Manifest(displayPath, pkg, deps, ws);
    }

    private static Manifest.PackageSection packageSection(TomlTable p, TomlParseResult toml, String file) {
        Object name = p.get(List.of("name"));
        if (!(name instanceof String n)) {
            throw new InputException(file, line(p.inputPositionOf(List.of("name")), toml.inputPositionOf("package")), 1,
                    "[package] name: expected a string");
        }
        String version = null;
        boolean inherited = false;
        Object v = p.get(List.of("version"));
        if (v instanceof String s) {
            version = s;
        } else if (v instanceof TomlTable t && Boolean.TRUE.equals(t.get(List.of("workspace")))) {
            inherited = true;
        } else if (v != null) {
            throw new InputException(file, line(p.inputPositionOf(List.of("version"))), 1,
                    "[package] version: expected a string or { workspace = true }");
        }
        boolean publish = true;
        Object pub = p.get(List.of("publish"));
        if (Boolean.FALSE.equals(pub) || (pub instanceof TomlArray a && a.isEmpty())) publish = false;

        Map<String, List<String>> features = new LinkedHashMap<>();
        TomlTable f = toml.getTable("features");
        if (f != null) {
            for (String key : f.keySet()) {
                Object list = f.get(List.of(key));
                if (!(list instanceof TomlArray arr)) {
                    throw new InputException(file, line(f.inputPositionOf(List.of(key))), 1, "[features] " + key + ": expected an array of strings");
                }
                List<String> items = new ArrayList<>();
                for (int i = 0; i < arr.size(); i++) {
                    if (!(arr.get(i) instanceof String s)) {
                        throw new InputException(file, line(f.inputPositionOf(List.of(key))), 1, "[features] " + key + ": expected an array of strings");
                    }
                    items.add(s);
                }
                features.put(key, List.copyOf(items));
            }
        }
        return new Manifest.PackageSection(n, version, inherited, publish, features, line(toml.inputPositionOf("package")));
    }

    private static List<Manifest.Dependency> dependencies(TomlTable table, DepKind kind, String target, String file) {
        List<Manifest.Dependency> out = new ArrayList<>();
        for (String name : table.keySet()) {
            List<String> key = List.of(name);
            int line = line(table.inputPositionOf(key));
            Object v = table.get(key);
            if (v instanceof String version) {
                out.add(new Manifest.Dependency(name, name, kind, false, target, false, null, null, version, List.of(), true, line));
            } else if (v instanceof TomlTable d) {
                String pkg = string(d, "package", name, file, line);
                List<String> features = new ArrayList<>();
                Object fs = d.get(List.of("features"));
                if (fs instanceof TomlArray arr) {
                    for (int i = 0; i < arr.size(); i++) if (arr.get(i) instanceof String s) features.add(s);
                }
                Object df = d.get(List.of("default-features"));
                if (df == null) df = d.get(List.of("default_features"));
                out.add(new Manifest.Dependency(name, pkg == null ? name : pkg, kind,
                        Boolean.TRUE.equals(d.get(List.of("optional"))), target,
                        Boolean.TRUE.equals(d.get(List.of("workspace"))),
                        string(d, "path", name, file, line), string(d, "git", name, file, line),
                        string(d, "version", name, file, line), features, !Boolean.FALSE.equals(df), line));
            } else {
                throw new InputException(file, line, 1, "dependency " + name + ": expected a version string or a table");
            }
        }
        return out;
    }

    private static String string(TomlTable d, String key, String dep, String file, int line) {
        Object v = d.get(List.of(key));
        if (v == null) return null;
        if (v instanceof String s) return s;
        throw new InputException(file, line, 1, "dependency " + dep + ": `" + key + "` must be a string");
    }

    private static List<String> strings(TomlTable t, String key, String file) {
        Object v = t.get(List.of(key));
        if (v == null) return List.of();
        if (v instanceof TomlArray arr) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                if (!(arr.get(i) instanceof String s)) {
                    throw new InputException(file, line(t.inputPositionOf(List.of(key))), 1, "[workspace] " + key + ": expected an array of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw new InputException(file, line(t.inputPositionOf(List.of(key))), 1, "[workspace] " + key + ": expected an array of strings");
    }

    private static TomlTable table(TomlTable t, String key, String file, TomlParseResult toml) {
        Object v = t.get(List.of(key));
        if (v == null) return null;
        if (v instanceof TomlTable table) return table;
        throw new InputException(file, line(toml.inputPositionOf(List.of(key))), 1, "`" + key + "` must be a table");
    }

    private static int line(TomlPosition... positions) {
        for (TomlPosition p : positions) if (p != null) return p.line();
        return 0;
    }
}
