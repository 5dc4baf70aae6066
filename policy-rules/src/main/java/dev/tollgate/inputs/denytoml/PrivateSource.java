package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.Location;

/**
 * One entry of {@code [sources] private}. cargo-deny matches these by prefix, not exactly: any source
 * on the entry's host whose path begins with the entry's path is allowed, so an organization can
 * approve its internal git host without listing every repository. They are kept apart from
 * {@link dev.tollgate.api.facts.AllowedSource} because every allow kind of the fact model matches
 * exactly, and a rule that treated a private prefix as one exact URL would reject what cargo-deny allows.
 *
 * @param value  the entry as written
 * @param key    the entry normalized like a lockfile source ({@code SourceParser.key}): scheme and host
 *               lower case, no trailing slash or {@code .git}
 * @param host   the entry's lower-case host
 * @param origin the entry's position in deny.toml
 */
public record PrivateSource(String value, String key, String host, Location origin) {

    /**
     * True when a source with normalized key {@code sourceKey} lies under this entry. The prefix must end
     * at a path-segment boundary, so {@code https://git.corp/repos} does not also allow
     * {@code https://git.corp/repos-archive}.
     */
    public boolean covers(String sourceKey) {
        return sourceKey.equals(key) || sourceKey.startsWith(key + "/");
    }
}
