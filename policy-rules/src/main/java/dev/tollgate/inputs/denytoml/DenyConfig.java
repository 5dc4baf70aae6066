package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.AllowedSource;
import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.api.facts.GraphConfig;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.Source;
import dev.tollgate.api.facts.SourcesConfig;
import dev.tollgate.inputs.cargo.SourceParser;

import java.util.List;

/**
 * A deny.toml as Tollgate uses it: the tables it evaluates itself ({@code [sources]}, {@code [graph]})
 * already turned into facts, every key cargo-deny's v2 schema would not accept, and the parsed TOML so
 * that the licenses, bans and advisories policies can read their own tables later without parsing the
 * file again.
 *
 * @param displayPath    the file as findings name it (relative to the repository root)
 * @param sources        the {@code [sources]} settings, with their positions
 * @param allowedSources {@code allow-registry}, then {@code allow-git}, then {@code allow-org} (github,
 *                       gitlab, bitbucket) entries, each with its own position; when {@code allow-registry}
 *                       is absent, one implicit crates.io entry stands first (cargo-deny's default)
 * @param privateSources {@code [sources] private} prefixes (see {@link PrivateSource})
 * @param graph          the {@code [graph]} settings
 * @param issues         unknown and deprecated keys anywhere in the file, in file order
 * @param toml           the parsed file with the position of every key and array element (empty for
 *                       {@link #defaults})
 */
public record DenyConfig(String displayPath, SourcesConfig sources, List<AllowedSource> allowedSources,
                         List<PrivateSource> privateSources, GraphConfig graph, List<ConfigIssue> issues,
                         DenyTable toml) {

    public DenyConfig {
        allowedSources = List.copyOf(allowedSources);
        privateSources = List.copyOf(privateSources);
        issues = List.copyOf(issues);
    }

    /**
     * What cargo-deny does when a workspace has no deny.toml: every setting at its default and only
     * crates.io allowed. Findings point at {@code displayPath}, the file that would hold the settings.
     */
    public static DenyConfig defaults(String displayPath) {
        return new DenyConfig(displayPath, SourcesConfig.defaults(displayPath),
                List.of(implicitCratesIo(displayPath)), List.of(), GraphConfig.defaults(displayPath), List.of(),
                DenyTable.empty(displayPath));
    }

    /** cargo-deny's {@code allow-registry} when the key is absent: the crates.io index. */
    static AllowedSource implicitCratesIo(String displayPath) {
        return new AllowedSource(AllowKind.REGISTRY, SourceParser.CRATES_IO_GIT, Source.CRATES_IO_KEY,
                SourceParser.host(SourceParser.CRATES_IO_GIT), "", true, Location.file(displayPath));
    }

    /**
     * The position of a dotted key ({@code licenses.allow}, {@code bans.build.executables}; quote segments
     * that are not bare keys, as in TOML), or the file alone when the key is absent.
     */
    public Location locationOf(String dottedKey) {
        return toml.at(PositionScan.dottedKey(dottedKey));
    }

    /**
     * The position of {@code key}, a single key, in a table of this file (an array entry, say), or the
     * file alone.
     */
    public Location locationOf(DenyTable table, String key) {
        return table == null ? Location.file(displayPath) : table.at(key);
    }

    /** Where element {@code index} of an array of this file starts, or the file alone. */
    public Location locationOf(DenyArray array, int index) {
        return array == null ? Location.file(displayPath) : array.at(index);
    }

    /** The issues reported for one policy ({@code sources}, {@code licenses}, ..., {@code config}). */
    public List<ConfigIssue> issuesFor(String policy) {
        return issues.stream().filter(i -> i.policy().equals(policy)).toList();
    }
}
