package dev.tollgate.inputs.tollgate;

import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.denytoml.DenyTomlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code tollgate.toml} at the repository root: Tollgate's own settings, one table per policy
 * ({@code [workflows]}, {@code [commits]}, {@code [release]}, ...), for what deny.toml has no key for.
 * Each policy reads its own table ({@link #section}) and declares the keys it knows
 * ({@link #unknownKeys}); an unknown key or table is a warning with its file:line, never a silent
 * no-op. An absent file means every default.
 */
public final class TollgateToml {
    public static final String FILE = "tollgate.toml";

    /** The top-level tables this version of Tollgate reads; a table not listed here is an unknown key. */
    static final Set<String> SECTIONS = Set.of("workflows", "commits", "release", "affected", "advisories", "pr", "engine");

    private final String displayPath;
    private final DenyTable root;
    private final boolean present;

    private TollgateToml(String displayPath, DenyTable root, boolean present) {
        this.displayPath = displayPath;
        this.root = root;
        this.present = present;
    }

    /** Reads {@code repo/tollgate.toml}, or the defaults when there is none. */
    public static TollgateToml read(Path repo) {
        return read(repo, FILE);
    }

    /**
     * Reads {@code dir/tollgate.toml} naming it {@code displayPath} (PR mode: the base's copy, shown as
     * {@code tollgate.toml@BASE} when the head's differs), or the defaults when there is none.
     */
    public static TollgateToml read(Path dir, String displayPath) {
        Path file = dir.resolve(FILE);
        if (!InputFiles.present(file)) return new TollgateToml(displayPath, DenyTomlReader.parseTable("", displayPath), false);
        return parse(InputFiles.readText(file, displayPath, InputFiles.Kind.CONFIG), displayPath);
    }

    /** Reads tollgate.toml content that did not come from a file (a git object, a test). */
    public static TollgateToml parse(String text, String displayPath) {
        return new TollgateToml(displayPath, DenyTomlReader.parseTable(text, displayPath), true);
    }

    public String displayPath() {
        return displayPath;
    }

    /** Whether the repository has a tollgate.toml at all. */
    public boolean present() {
        return present;
    }

    /** The whole file. */
    public DenyTable root() {
        return root;
    }

    /** The table {@code [name]}, or null when the file has none (the caller uses its defaults). */
    public DenyTable section(String name) {
        return root.getTable(name);
    }

    /** The position of {@code key} in {@code [section]}, or the file alone when absent. */
    public Location locationOf(String section, String key) {
        return root.at(List.of(section, key));
    }

    /** Unknown top-level tables, as {@code unknown-config-key} issues of the {@code config} policy. */
    public List<ConfigIssue> unknownSections() {
        List<ConfigIssue> issues = new ArrayList<>();
        for (String key : root.keySet()) {
            if (!SECTIONS.contains(key)) {
                issues.add(new ConfigIssue("config", "unknown-key", key,
                        "unknown table `" + key + "` in " + displayPath + "; known: " + String.join(", ", new java.util.TreeSet<>(SECTIONS)),
                        root.at(List.of(key))));
            }
        }
        return issues;
    }

    /**
     * Keys of {@code [section]} that are not in {@code known}, as {@code unknown-key} issues of
     * {@code policy}; nested tables are checked by the caller.
     */
    public List<ConfigIssue> unknownKeys(String section, Collection<String> known, String policy) {
        DenyTable table = section(section);
        if (table == null) return List.of();
        Map<String, Location> unknown = new TreeMap<>();
        for (String key : table.keySet()) if (!known.contains(key)) unknown.put(key, table.at(List.of(key)));
        List<ConfigIssue> issues = new ArrayList<>();
        unknown.forEach((key, at) -> issues.add(new ConfigIssue(policy, "unknown-key", section + "." + key,
                "unknown key `" + key + "` in [" + section + "] of " + displayPath + "; known: " + String.join(", ", known), at)));
        return issues;
    }
}
