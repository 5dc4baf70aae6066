package dev.tollgate.api.facts;

/**
 * One allow-list entry of {@code [sources]}.
 *
 * @param kind      the key the entry is under: {@code allow-registry}, {@code allow-git} or {@code allow-org}
 * @param value     the entry as written
 * @param key       for REGISTRY and GIT: the normalized {@link Source#key()} it matches; for ORG: ""
 * @param host      for ORG: github.com, gitlab.com or bitbucket.org
 * @param org       for ORG: the organization, lower case (matching is case-insensitive)
 * @param implicit  true for cargo-deny's default {@code allow-registry} (crates.io) when the key is absent
 * @param origin    the entry's position in deny.toml
 */
public record AllowedSource(AllowKind kind, String value, String key, String host, String org,
                            boolean implicit, Location origin) {
    /**
     * How messages name the entry.
     *
     * @return e.g. {@code allow-registry entry https://github.com/rust-lang/crates.io-index},
     *         {@code allow-git entry https://github.com/acme/tool}, {@code allow-org entry github.com/acme}
     */
    public String describe() {
        return switch (kind) {
            case REGISTRY -> "allow-registry entry " + value;
            case GIT -> "allow-git entry " + value;
            case ORG -> "allow-org entry " + host + "/" + org;
        };
    }
}
