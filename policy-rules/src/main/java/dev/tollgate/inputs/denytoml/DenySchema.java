package dev.tollgate.inputs.denytoml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys cargo-deny's v2 configuration accepts, table by table, as data. Users point Tollgate at
 * the deny.toml they already run cargo-deny with, so a key cargo-deny would reject (or silently
 * ignore) should be reported rather than dropped: a typo such as {@code allow-gits} otherwise leaves
 * a policy looser than its author believes.
 *
 * <p>Table paths are dotted; {@code []} marks the tables inside an array ({@code bans.skip[]} is every
 * {@code [[bans.skip]]} entry and every inline {@code { ... }} in {@code bans.skip = [...]}). Entries
 * that may also be plain strings (package specs, advisory ids) are only checked when they are tables.
 *
 * <p>Sources: the cargo-deny book (checks/cfg, checks/{advisories,bans,licenses,sources}/cfg) and its
 * config deserializers. Keys removed by the v2 schema are kept with the advice cargo-deny gives, so the
 * report can say what to write instead. Where the book is the only source, it wins: it lists
 * {@code advisories.unsound} among the removed keys, but cargo-deny accepts it again as a scope like
 * {@code unmaintained} (all / workspace / transitive / none), and Tollgate's advisories policy reads it.
 */
final class DenySchema {

    /** How the walker treats a key's value. */
    enum Shape {
        /** A leaf: its value is not walked. */
        VALUE,
        /** A table whose keys are checked against the schema at {@code parent.key}. */
        TABLE,
        /** An array whose table elements are checked against the schema at {@code parent.key[]}. */
        ENTRIES,
        /**
         * A key the v2 schema removed or moved; {@link Key#advice()} completes the sentence
         * "`key` in [table] ..." with what to write instead.
         */
        REMOVED
    }

    record Key(String name, Shape shape, String advice) {
    }

    record Table(String path, Map<String, Key> keys) {
        /** The keys a user may still write here (removed ones are not worth suggesting). */
        List<String> liveKeys() {
            return keys.values().stream().filter(k -> k.shape() != Shape.REMOVED).map(Key::name).toList();
        }
    }

    private static final Map<String, Table> TABLES = new LinkedHashMap<>();

    private static final String MOVED_TO_GRAPH = "moved to [graph] in the v2 schema; write it under [graph]";

    // Package specs ({ crate = "name@req" } or the older { name, version }) are the head of most entries.
    private static final Key[] SPEC = {value("crate"), value("name"), value("version")};

    static {
        define("",
                sub("graph"), sub("output"), sub("advisories"), sub("licenses"), sub("bans"), sub("sources"),
                removed("targets", MOVED_TO_GRAPH),
                removed("exclude", MOVED_TO_GRAPH),
                removed("features", MOVED_TO_GRAPH),
                removed("all-features", MOVED_TO_GRAPH),
                removed("no-default-features", MOVED_TO_GRAPH),
                removed("exclude-dev", MOVED_TO_GRAPH),
                removed("feature-depth", "moved to [output] in the v2 schema; write it under [output]"));

        define("graph", entries("targets"), value("exclude"), value("all-features"), value("no-default-features"),
                value("features"), value("exclude-dev"), value("exclude-unpublished"));
        define("graph.targets[]", value("triple"), value("features"));

        define("output", value("feature-depth"));

        define("advisories", value("version"), value("db-path"), value("db-urls"), entries("ignore"),
                value("unmaintained"), value("yanked"), value("unused-ignored-advisory"), value("git-fetch-with-cli"),
                value("disable-yanked-checking"), value("maximum-db-staleness"),
                removed("vulnerability", "was removed in the v2 schema (vulnerability advisories are always "
                        + "errors); accept a specific advisory with `ignore`"),
                value("unsound"),
                removed("notice", "was removed in the v2 schema (notice advisories are always errors); "
                        + "accept a specific advisory with `ignore`"),
                removed("severity-threshold", "was removed in the v2 schema (CVSS severity is no longer "
                        + "considered); accept a specific advisory with `ignore`"),
                removed("db-url", "was replaced by `db-urls`, a list of advisory database URLs"));
        // tracking and expires: Tollgate's extension keys on an ignore entry (docs/policies/advisories.md)
        define("advisories.ignore[]", with(SPEC, value("id"), value("reason"), value("tracking"), value("expires")));

        define("licenses", value("version"), value("allow"), value("confidence-threshold"), entries("exceptions"),
                entries("clarify"), sub("private"), value("unused-allowed-license"),
                value("unused-license-exception"), value("include-dev"), value("include-build"),
                removed("unlicensed", "was removed in the v2 schema (an unlicensed crate is always an "
                        + "error); assign its license with a [[licenses.clarify]] entry"),
                removed("copyleft", "was removed in the v2 schema; list the copyleft licenses you accept in `allow`"),
                removed("allow-osi-fsf-free",
                        "was removed in the v2 schema; list every license you accept in `allow`"),
                removed("default", "was removed in the v2 schema (a license that is not in `allow` or in "
                        + "an exception is always denied); delete it"),
                removed("deny", "was removed in the v2 schema (every license that is not in `allow` is "
                        + "denied); delete it"));
        define("licenses.exceptions[]", with(SPEC, value("allow"), value("reason")));
        define("licenses.clarify[]", with(SPEC, value("expression"), entries("license-files")));
        define("licenses.clarify[].license-files[]", value("path"), value("hash"));
        define("licenses.private", value("ignore"), value("registries"), value("ignore-sources"));

        define("bans", value("multiple-versions"), value("multiple-versions-include-dev"), value("wildcards"),
                value("allow-wildcard-paths"), value("highlight"), value("workspace-default-features"),
                value("external-default-features"), value("allow-workspace"), value("prereleases"), entries("deny"), entries("allow"),
                entries("skip"), entries("skip-tree"), entries("features"), sub("workspace-dependencies"),
                sub("build"),
                removed("allow-build-scripts", "moved to [bans.build]; write it there"));
        define("bans.deny[]", with(SPEC, value("wrappers"), value("deny-multiple-versions"), value("reason"),
                value("use-instead")));
        define("bans.allow[]", with(SPEC, value("reason")));
        define("bans.skip[]", with(SPEC, value("reason")));
        define("bans.skip-tree[]", with(SPEC, value("depth"), value("reason")));
        define("bans.features[]", with(SPEC, value("allow"), value("deny"), value("exact"), value("reason")));
        define("bans.workspace-dependencies", value("duplicates"), value("include-path-dependencies"), value("unused"));
        define("bans.build", entries("allow-build-scripts"), value("executables"), value("interpreted"),
                value("script-extensions"), value("enable-builtin-globs"), value("include-dependencies"),
                value("include-workspace"), value("include-archives"), entries("bypass"));
        define("bans.build.allow-build-scripts[]", SPEC);
        define("bans.build.bypass[]", with(SPEC, value("build-script"), value("required-features"),
                value("allow-globs"), entries("allow")));
        define("bans.build.bypass[].allow[]", value("path"), value("checksum"));

        define("sources", value("unknown-registry"), value("unknown-git"), value("unused-allowed-source"),
                value("required-git-spec"), value("allow-registry"), value("allow-git"), sub("allow-org"),
                value("private"));
        define("sources.allow-org", value("github"), value("gitlab"), value("bitbucket"));

        // every table a key leads into must be defined, or the walker would have nothing to check it against
        for (Table t : TABLES.values()) {
            for (Key k : t.keys().values()) {
                if ((k.shape() == Shape.TABLE || k.shape() == Shape.ENTRIES) && !TABLES.containsKey(child(t.path(), k))) {
                    throw new IllegalStateException("no schema for " + child(t.path(), k));
                }
            }
        }
    }

    private DenySchema() {
    }

    /** The schema of the table at {@code path} ("" for the top level), if cargo-deny defines one. */
    static Optional<Table> tableAt(String path) {
        return Optional.ofNullable(TABLES.get(path));
    }

    /** The schema path of a child table or of the entries of a child array. */
    static String child(String parent, Key key) {
        String path = parent.isEmpty() ? key.name() : parent + "." + key.name();
        return key.shape() == Shape.ENTRIES ? path + "[]" : path;
    }

    /**
     * The policy that owns a table: the first segment for the four checks, {@code config} for
     * {@code [graph]}, {@code [output]} and the top level, which shape every check.
     */
    static String policyOf(String schemaPath) {
        int dot = schemaPath.indexOf('.');
        String head = dot < 0 ? schemaPath : schemaPath.substring(0, dot);
        head = head.endsWith("[]") ? head.substring(0, head.length() - 2) : head;
        return switch (head) {
            case "sources", "licenses", "bans", "advisories" -> head;
            default -> "config";
        };
    }

    private static void define(String path, Key... keys) {
        Map<String, Key> byName = new LinkedHashMap<>();
        for (Key k : keys) {
            if (byName.put(k.name(), k) != null) throw new IllegalStateException("duplicate key " + path + "." + k.name());
        }
        if (TABLES.put(path, new Table(path, Collections.unmodifiableMap(byName))) != null) {
            throw new IllegalStateException("duplicate table " + path);
        }
    }

    private static Key[] with(Key[] head, Key... tail) {
        Key[] all = new Key[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static Key value(String name) {
        return new Key(name, Shape.VALUE, null);
    }

    private static Key sub(String name) {
        return new Key(name, Shape.TABLE, null);
    }

    private static Key entries(String name) {
        return new Key(name, Shape.ENTRIES, null);
    }

    private static Key removed(String name, String advice) {
        return new Key(name, Shape.REMOVED, advice);
    }
}
