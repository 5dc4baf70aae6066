package dev.tollgate.inputs.bans;

import dev.tollgate.inputs.denytoml.CrateSpecs;
import dev.tollgate.inputs.denytoml.SpecEntries;
import dev.tollgate.api.facts.CrateList;
import dev.tollgate.api.facts.BansConfig;
import dev.tollgate.api.facts.CrateFeaturesEntry;
import dev.tollgate.api.facts.CrateSpecEntry;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.WorkspaceDepsConfig;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads deny.toml's {@code [bans]} table into facts, strictly: a value Tollgate cannot honour (a level
 * that is not deny/warn/allow, a crate spec that is not one, a depth that is not a positive integer)
 * fails the run with an {@link InputException} at the value, as cargo-deny refuses such a file. Keys
 * the schema does not know are reported by the shared key checker, not here.
 */
public final class BansReader {
    private static final List<String> LISTS = List.of("deny", "allow", "skip", "skip-tree", "features");

    /**
     * The bans settings and every crate-spec entry, each with its parsed spec; {@code workspaceDeps} is
     * {@code [bans.workspace-dependencies]}, null when the table is absent (cargo-deny's checks are then off);
     * {@code features} the {@code [[bans.features]]} entries.
     */
    public record Bans(BansConfig config, List<CrateSpecEntry> entries, List<CrateSpecs.Spec> specs,
                       WorkspaceDepsConfig workspaceDeps, List<CrateFeaturesEntry> features, BuildReader.Build build) {
        public Bans {
            entries = List.copyOf(entries);
            specs = List.copyOf(specs);
            features = List.copyOf(features);
        }

        public Bans(BansConfig config, List<CrateSpecEntry> entries, List<CrateSpecs.Spec> specs,
                    WorkspaceDepsConfig workspaceDeps) {
            this(config, entries, specs, workspaceDeps, List.of(), null);
        }

        public Bans(BansConfig config, List<CrateSpecEntry> entries, List<CrateSpecs.Spec> specs) {
            this(config, entries, specs, null, List.of(), null);
        }
    }

    private final DenyConfig deny;
    private final String file;
    private final DenyTable table;
    private final List<CrateFeaturesEntry> features = new ArrayList<>();

    private BansReader(DenyConfig deny) {
        this.deny = deny;
        this.file = deny.displayPath();
        Object bans = deny.toml().get(List.of("bans"));
        if (bans != null && !(bans instanceof DenyTable)) {
            throw fail(deny.locationOf("bans"), "[bans]: expected a table, found " + SpecEntries.describe(bans));
        }
        this.table = (DenyTable) bans;
    }

    public static Bans read(DenyConfig deny) {
        return new BansReader(deny).read();
    }

    private Bans read() {
        BansConfig d = BansConfig.defaults(file);
        if (table == null) return new Bans(d, List.of(), List.of());
        List<CrateSpecEntry> entries = new ArrayList<>();
        List<CrateSpecs.Spec> specs = new ArrayList<>();
        for (String list : LISTS) entries(list, entries, specs);
        boolean allowlist = entries.stream().anyMatch(e -> e.list() == CrateList.ALLOW);
        String highlight = word("highlight", List.of("lowest-version", "simplest-path", "all"), d.highlight());
        BansConfig config = new BansConfig(
                level("multiple-versions", d.multipleVersions()),
                bool("multiple-versions-include-dev", d.multipleVersionsIncludeDev()),
                highlight,
                level("wildcards", d.wildcards()),
                bool("allow-wildcard-paths", d.allowWildcardPaths()),
                level("workspace-default-features", d.workspaceDefaultFeatures()),
                level("external-default-features", d.externalDefaultFeatures()),
                allowlist,
                at("multiple-versions"), at("wildcards"), deny.locationOf("bans"),
                at("workspace-default-features"), at("external-default-features"),
                bool("allow-workspace", d.allowWorkspace()),
                level("prereleases", d.prereleases()), at("prereleases"));
        return new Bans(config, entries, specs, workspaceDeps(), features, BuildReader.read(deny)); // [bans.build]: BuildReader
    }

    /** {@code [bans.workspace-dependencies]}: null when absent; its keys default to deny, true, deny. */
    private WorkspaceDepsConfig workspaceDeps() {
        String key = "workspace-dependencies";
        Object v = table.get(List.of(key));
        if (v == null) return null;
        if (!(v instanceof DenyTable)) throw wrong(key, at(key), "a table", v);
        WorkspaceDepsConfig d = WorkspaceDepsConfig.defaults(file);
        return new WorkspaceDepsConfig(
                level(List.of(key, "duplicates"), d.duplicates()),
                bool(List.of(key, "include-path-dependencies"), d.includePathDependencies()),
                level(List.of(key, "unused"), d.unused()),
                deny.locationOf("bans." + key));
    }

    private void entries(String list, List<CrateSpecEntry> out, List<CrateSpecs.Spec> specs) {
        Object v = table.get(List.of(list));
        if (v == null) return;
        if (!(v instanceof DenyArray array)) throw wrong(list, at(list), "a list of crate specs", v);
        for (int i = 0; i < array.size(); i++) {
            Object e = array.get(i);
            Location where = array.at(i);
            String key = list + "[" + i + "]";
            SpecEntries.Read read = SpecEntries.read("bans", e, where, key, file);
            CrateSpecs.Spec spec = read.spec();
            String written = read.written();
            String reason = "";
            String useInstead = "";
            List<String> wrappers = List.of();
            boolean denyMultiple = false;
            int depth = -1;
            if (read.table() != null) {
                DenyTable t = read.table();
                reason = string(t, key, "reason");
                if (list.equals("deny")) {
                    useInstead = string(t, key, "use-instead");
                    wrappers = strings(t, key, "wrappers");
                    Object dmv = t.get(List.of("deny-multiple-versions"));
                    if (dmv != null && !(dmv instanceof Boolean)) {
                        throw wrong(key + ".deny-multiple-versions", t.at("deny-multiple-versions"), "true or false", dmv);
                    }
                    denyMultiple = Boolean.TRUE.equals(dmv);
                    if (denyMultiple && !wrappers.isEmpty()) {
                        throw wrong(key + ".deny-multiple-versions", t.at("deny-multiple-versions"),
                                "no `wrappers` beside it (cargo-deny refuses both on one entry)", dmv);
                    }
                }
                if (list.equals("features")) {
                    Object exact = t.get(List.of("exact"));
                    if (exact != null && !(exact instanceof Boolean)) {
                        throw wrong(key + ".exact", t.at("exact"), "true or false", exact);
                    }
                    features.add(new CrateFeaturesEntry(i, written, featureNames(t, key, "allow"),
                            featureNames(t, key, "deny"), Boolean.TRUE.equals(exact), reason, where));
                }
                if (list.equals("skip-tree")) {
                    Object dp = t.get(List.of("depth"));
                    if (dp != null) {
                        if (!(dp instanceof Long l) || l < 1 || l > Integer.MAX_VALUE) {
                            throw wrong(key + ".depth", t.at("depth"), "a positive integer", dp);
                        }
                        depth = (int) (long) l;
                    }
                }
            }
            if (list.equals("features") && e instanceof String s) {
                features.add(new CrateFeaturesEntry(i, s, List.of(), List.of(), false, "", where));
            }
            out.add(new CrateSpecEntry(CrateList.of(list), i, written, spec.name(), spec.versionReq(), reason, useInstead, wrappers,
                    denyMultiple, depth, where));
            specs.add(spec);
        }
    }

    private String string(DenyTable t, String key, String field) {
        Object v = t.get(List.of(field));
        if (v == null) return "";
        if (v instanceof String s) return s;
        throw wrong(key + "." + field, t.at(field), "a string", v);
    }

    private List<String> strings(DenyTable t, String key, String field) {
        Object v = t.get(List.of(field));
        if (v == null) return List.of();
        if (!(v instanceof DenyArray a)) throw wrong(key + "." + field, t.at(field), "a list of crate names", v);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof String s)) throw wrong(key + "." + field + "[" + i + "]", a.at(i), "a crate name", a.get(i));
            // cargo-deny accepts specs here too; only the name decides (a wrapper is a direct parent).
            out.add(SpecEntries.read("bans", s, a.at(i), key + "." + field + "[" + i + "]", file).spec().name());
        }
        return out;
    }

    /** {@code allow} or {@code deny} of a features entry: a list of feature names. */
    private List<String> featureNames(DenyTable t, String key, String field) {
        Object v = t.get(List.of(field));
        if (v == null) return List.of();
        if (!(v instanceof DenyArray a)) throw wrong(key + "." + field, t.at(field), "a list of feature names", v);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof String s) || s.isEmpty()) {
                throw wrong(key + "." + field + "[" + i + "]", a.at(i), "a feature name", a.get(i));
            }
            out.add(s);
        }
        return out;
    }

    private Level level(String key, Level fallback) {
        return level(List.of(key), fallback);
    }

    private Level level(List<String> path, Level fallback) {
        String w = word(path, List.of("deny", "warn", "allow"), null);
        return w == null ? fallback : Level.parse(w);
    }

    private String word(String key, List<String> words, String fallback) {
        return word(List.of(key), words, fallback);
    }

    private String word(List<String> path, List<String> words, String fallback) {
        Object v = table.get(path);
        if (v == null) return fallback;
        if (v instanceof String s && words.contains(s)) return s;
        throw wrong(String.join(".", path), table.at(path),
                "one of " + String.join(", ", words.stream().map(w -> "\"" + w + "\"").toList()), v);
    }

    private boolean bool(String key, boolean fallback) {
        return bool(List.of(key), fallback);
    }

    private boolean bool(List<String> path, boolean fallback) {
        Object v = table.get(path);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw wrong(String.join(".", path), table.at(path), "true or false", v);
    }

    private Location at(String key) {
        return table.at(key);
    }

    private InputException wrong(String key, Location where, String expected, Object found) {
        return SpecEntries.wrong(file, "[bans] " + key, where, expected, found);
    }

    private InputException fail(Location where, String message) {
        return new InputException(file, where.line(), where.column(), message);
    }


}
