package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.Suggest;

import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.api.facts.Location;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walks a parsed deny.toml against {@link DenySchema} and reports every key cargo-deny's v2 schema
 * does not define ({@code unknown-key}) or no longer defines ({@code deprecated-key}). Values are not
 * judged here: the readers of the tables Tollgate evaluates check those, and fail on a bad one.
 */
final class KeyChecker {
    private final List<ConfigIssue> issues = new ArrayList<>();

    private KeyChecker() {
    }

    /** The issues of the whole file, in file order. */
    static List<ConfigIssue> check(DenyTable root) {
        KeyChecker checker = new KeyChecker();
        checker.walk(root, "", "");
        checker.issues.sort(Comparator.comparingInt((ConfigIssue i) -> i.origin().line())
                .thenComparingInt(i -> i.origin().column())
                .thenComparing(ConfigIssue::key));
        return List.copyOf(checker.issues);
    }

    /**
     * @param schemaPath the table's path in the schema ({@code bans.skip[]})
     * @param path       the table's concrete path, for messages ({@code bans.skip[3]})
     */
    private void walk(DenyTable table, String schemaPath, String path) {
        DenySchema.Table schema = DenySchema.tableAt(schemaPath).orElseThrow();
        for (String name : table.keySet()) {
            String keyPath = path.isEmpty() ? name : path + "." + name;
            Location at = table.at(name);
            DenySchema.Key key = schema.keys().get(name);
            if (key == null) {
                issues.add(unknown(schema, path, name, keyPath, at));
                continue;
            }
            Object value = table.get(List.of(name));
            switch (key.shape()) {
                case REMOVED -> issues.add(new ConfigIssue(DenySchema.policyOf(schemaPath), "deprecated-key", keyPath,
                        "`" + name + "` " + where(path) + " " + key.advice(), at));
                case TABLE -> {
                    if (value instanceof DenyTable sub) walk(sub, DenySchema.child(schemaPath, key), keyPath);
                }
                case ENTRIES -> {
                    if (value instanceof DenyArray entries) {
                        String entrySchema = DenySchema.child(schemaPath, key);
                        for (int i = 0; i < entries.size(); i++) {
                            if (entries.get(i) instanceof DenyTable entry) walk(entry, entrySchema, keyPath + "[" + i + "]");
                        }
                    }
                }
                case VALUE -> {
                    // a leaf: its value belongs to whoever evaluates it
                }
            }
        }
    }

    private static ConfigIssue unknown(DenySchema.Table schema, String path, String name, String keyPath, Location at) {
        StringBuilder detail = new StringBuilder("unknown key `").append(name).append("` ").append(where(path));
        Suggest.closest(name, schema.liveKeys()).ifPresent(s -> detail.append("; did you mean `").append(s).append("`?"));
        return new ConfigIssue(DenySchema.policyOf(schema.path()), "unknown-key", keyPath, detail.toString(), at);
    }

    /** "in [sources]", "in `bans.skip[3]`" (an array entry has no header of its own), "at the top level". */
    private static String where(String path) {
        if (path.isEmpty()) return "at the top level";
        return path.endsWith("]") ? "in `" + path + "`" : "in [" + path + "]";
    }
}
