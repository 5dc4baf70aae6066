package dev.tollgate.inputs.bans;

import dev.tollgate.inputs.denytoml.CrateSpecs;
import dev.tollgate.inputs.denytoml.SpecEntries;
import dev.tollgate.api.facts.CrateList;
import dev.tollgate.api.facts.BuildBypass;
import dev.tollgate.api.facts.BuildBypassPath;
import dev.tollgate.api.facts.BuildConfig;
import dev.tollgate.api.facts.CrateSpecEntry;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTable;

import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads deny.toml's {@code [bans.build]} table, strictly (exit 2 at the value for anything cargo-deny would refuse
 * or Tollgate cannot honour): levels, booleans, extensions, crate specs, SHA-256 checksums (64 hex digits),
 * relative bypass paths and globs that compile.
 */
public final class BuildReader {
    /** The list names the {@link CrateSpecEntry} facts of the table use. */
    public static final String ALLOW_LIST = "build.allow-build-scripts";
    public static final String BYPASS_LIST = "build.bypass";

    private static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9_.+-]*");

    /**
     * The table read: its settings, the crate-spec entries of {@code allow-build-scripts} and {@code bypass} (with
     * their parsed specs, same order), each bypass and each bypass path, and the compiled allow-globs per bypass.
     */
    public record Build(BuildConfig config, List<CrateSpecEntry> entries, List<CrateSpecs.Spec> specs,
                        List<BuildBypass> bypasses, List<BuildBypassPath> paths, List<List<PathMatcher>> globs) {
        public Build {
            entries = List.copyOf(entries);
            specs = List.copyOf(specs);
            bypasses = List.copyOf(bypasses);
            paths = List.copyOf(paths);
            globs = List.copyOf(globs);
        }
    }

    private final String file;
    private final DenyTable table;
    private final List<String> base;
    /** How messages name a key of the table: {@code build.} for {@code [bans.build]}. */
    private final String prefix;

    private BuildReader(DenyConfig deny, DenyTable table, List<String> base) {
        this.file = deny.displayPath();
        this.table = table;
        this.base = base;
        this.prefix = base.size() > 1 ? "build." : "";
    }

    /**
     * {@code [bans.build]}, or null when the table is absent (cargo-deny then checks nothing of it). Without the
     * table, the deprecated {@code [bans] allow-build-scripts} is read as cargo-deny reads it: the allowlist alone,
     * with {@code executables = "allow"} (so no file is scanned).
     */
    public static Build read(DenyConfig deny) {
        Object v = deny.toml().get(List.of("bans", "build"));
        if (v == null) {
            if (deny.toml().get(List.of("bans", "allow-build-scripts")) == null) return null;
            BuildReader legacy = new BuildReader(deny, deny.toml(), List.of("bans"));
            Location at = deny.locationOf("bans.allow-build-scripts");
            List<CrateSpecEntry> entries = new ArrayList<>();
            List<CrateSpecs.Spec> specs = new ArrayList<>();
            legacy.specList("allow-build-scripts", ALLOW_LIST, entries, specs, null);
            BuildConfig config = new BuildConfig(true, Level.ALLOW, Level.WARN, List.of(), false, false, false, false, true, at, at);
            return new Build(config, entries, specs, List.of(), List.of(), List.of());
        }
        if (!(v instanceof DenyTable)) {
            Location at = deny.locationOf("bans.build");
            throw new InputException(deny.displayPath(), at.line(), at.column(),
                    "[bans] build: expected a table, found " + SpecEntries.describe(v));
        }
        return new BuildReader(deny, deny.toml(), List.of("bans", "build")).read(deny.locationOf("bans.build"));
    }

    private Build read(Location origin) {
        List<CrateSpecEntry> entries = new ArrayList<>();
        List<CrateSpecs.Spec> specs = new ArrayList<>();
        boolean allowScripts = get("allow-build-scripts") != null;
        specList("allow-build-scripts", ALLOW_LIST, entries, specs, null);
        List<BuildBypass> bypasses = new ArrayList<>();
        List<BuildBypassPath> paths = new ArrayList<>();
        List<List<PathMatcher>> globs = new ArrayList<>();
        specList("bypass", BYPASS_LIST, entries, specs, (t, i) -> bypass(t, i, entries.get(entries.size() - 1), bypasses, paths, globs));
        boolean builtin = bool("enable-builtin-globs");
        Set<String> extensions = new LinkedHashSet<>();
        Object ext = get("script-extensions");
        if (ext != null) {
            if (!(ext instanceof DenyArray a)) throw wrong("script-extensions", at("script-extensions"), "a list of file extensions", ext);
            for (int i = 0; i < a.size(); i++) {
                Object e = a.get(i);
                if (!(e instanceof String s) || !EXTENSION.matcher(s).matches()) {
                    throw wrong("script-extensions[" + i + "]", a.at(i), "a file extension without the dot, such as \"py\"", e);
                }
                extensions.add(s);
            }
        }
        if (builtin) extensions.addAll(BuiltinGlobs.extensions());
        BuildConfig config = new BuildConfig(allowScripts, level("executables", Level.DENY), level("interpreted", Level.ALLOW),
                List.copyOf(extensions), builtin, bool("include-dependencies"), bool("include-workspace"),
                bool("include-archives"), true, origin, allowScripts ? at("allow-build-scripts") : origin);
        return new Build(config, entries, specs, bypasses, paths, globs);
    }

    private interface Extra {
        void read(DenyTable t, int index);
    }

    private void specList(String key, String list, List<CrateSpecEntry> out, List<CrateSpecs.Spec> specs, Extra extra) {
        Object v = get(key);
        if (v == null) return;
        if (!(v instanceof DenyArray array)) throw wrong(key, at(key), "a list of crate specs", v);
        for (int i = 0; i < array.size(); i++) {
            Object e = array.get(i);
            Location where = array.at(i);
            String name = key + "[" + i + "]";
            SpecEntries.Read read = SpecEntries.read("bans", e, where, prefix + name, file);
            CrateSpecs.Spec spec = read.spec();
            String written = read.written();
            out.add(new CrateSpecEntry(CrateList.of(list), i, written, spec.name(), spec.versionReq(), "", "", List.of(), false, -1, where));
            specs.add(spec);
            if (extra != null) extra.read(e instanceof DenyTable t ? t : null, i);
        }
    }

    private void bypass(DenyTable t, int index, CrateSpecEntry entry, List<BuildBypass> out, List<BuildBypassPath> paths,
                        List<List<PathMatcher>> globs) {
        String key = "bypass[" + index + "]";
        String buildScript = "";
        Location buildScriptAt = entry.origin();
        List<String> features = List.of();
        List<String> allowGlobs = List.of();
        List<PathMatcher> matchers = new ArrayList<>();
        if (t != null) {
            Object bs = t.get(List.of("build-script"));
            if (bs != null) {
                buildScript = checksum(key + ".build-script", t.at("build-script"), bs);
                buildScriptAt = t.at("build-script");
            }
            features = strings(t, key, "required-features", "a list of feature names");
            allowGlobs = strings(t, key, "allow-globs", "a list of glob patterns");
            DenyArray globArray = t.get(List.of("allow-globs")) instanceof DenyArray a ? a : null;
            for (int g = 0; g < allowGlobs.size(); g++) {
                try {
                    matchers.add(BuildScan.glob(allowGlobs.get(g)));
                } catch (IllegalArgumentException ex) {
                    throw fail(globArray.at(g), "[bans] " + prefix + key + ".allow-globs[" + g + "]: not a glob pattern: " + ex.getMessage());
                }
            }
            Object allow = t.get(List.of("allow"));
            if (allow != null) {
                if (!(allow instanceof DenyArray a)) throw wrong(key + ".allow", t.at("allow"), "a list of { path, checksum } tables", allow);
                for (int i = 0; i < a.size(); i++) {
                    String k = key + ".allow[" + i + "]";
                    if (!(a.get(i) instanceof DenyTable p)) throw wrong(k, a.at(i), "a table { path = \"...\", checksum = \"...\" }", a.get(i));
                    Object path = p.get(List.of("path"));
                    if (!(path instanceof String s) || s.isEmpty()) throw wrong(k + ".path", path == null ? a.at(i) : p.at("path"), "a path relative to the crate", path);
                    String norm = s.replace('\\', '/');
                    if (norm.startsWith("/") || norm.matches("[A-Za-z]:/.*")) {
                        throw fail(p.at("path"), "[bans] " + prefix + k + ".path: absolute paths are not allowed (cargo-deny refuses them); give the path relative to the crate root");
                    }
                    while (norm.startsWith("./")) norm = norm.substring(2);
                    Object c = p.get(List.of("checksum"));
                    String sum = c == null ? "" : checksum(k + ".checksum", p.at("checksum"), c);
                    paths.add(new BuildBypassPath(index, i, norm, sum, p.at("path")));
                }
            }
        }
        out.add(new BuildBypass(index, entry.spec(), buildScript, features, allowGlobs, entry.origin(), buildScriptAt));
        globs.add(List.copyOf(matchers));
    }

    private String checksum(String key, Location at, Object v) {
        if (v instanceof String s && HEX64.matcher(s).matches()) return s.toLowerCase(Locale.ROOT);
        String len = v instanceof String s ? " (" + s.length() + " characters)" : "";
        throw wrong(key, at, "a SHA-256 checksum of 64 hex digits", v, len);
    }

    private List<String> strings(DenyTable t, String key, String field, String expected) {
        Object v = t.get(List.of(field));
        if (v == null) return List.of();
        if (!(v instanceof DenyArray a)) throw wrong(key + "." + field, t.at(field), expected, v);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof String s) || s.isEmpty()) throw wrong(key + "." + field + "[" + i + "]", a.at(i), expected, a.get(i));
            out.add(s);
        }
        return out;
    }

    private Object get(String key) {
        List<String> path = new ArrayList<>(base);
        path.add(key);
        return table.get(path);
    }

    private Location at(String key) {
        List<String> path = new ArrayList<>(base);
        path.add(key);
        return table.at(path);
    }

    private Level level(String key, Level fallback) {
        Object v = get(key);
        if (v == null) return fallback;
        Level l = v instanceof String s ? Level.parse(s) : null;
        if (l == null) throw wrong(key, at(key), "one of \"deny\", \"warn\", \"allow\"", v);
        return l;
    }

    private boolean bool(String key) {
        Object v = get(key);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw wrong(key, at(key), "true or false", v);
    }

    private InputException wrong(String key, Location where, String expected, Object found) {
        return wrong(key, where, expected, found, "");
    }

    private InputException wrong(String key, Location where, String expected, Object found, String detail) {
        return fail(where, "[bans] " + prefix + key + ": expected " + expected + ", found " + SpecEntries.describe(found) + detail);
    }

    private InputException fail(Location where, String message) {
        return new InputException(file, where.line(), where.column(), message);
    }

}
