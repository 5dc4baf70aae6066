package dev.tollgate.api.facts;

/**
 * One allow-list entry of {@code [sources]}.
 *
 * @param value     the entry as written
 * @param key       for REGISTRY and GIT: the normalized {@link Source#key()} it matches; for ORG: ""
 * @param host      for ORG: github.com, gitlab.com or bitbucket.org
 * @param org       for ORG: the organization, lower case (matching is case-insensitive)
 * @param implicit  true for cargo-deny's default {@code allow-registry} (crates.io) when the key is absent
 * @param origin    the entry's position in deny.toml
 */
public record AllowedSource(AllowKind kind, String value, String key, String host, String org,
                            boolean implicit, Location origin) {
    public String describe() {
        return switch (kind) {
            case REGISTRY -> "allow-registry entry " + value;
            case GIT -> "allow-git entry " + value;
            case ORG -> "allow-org entry " + host + "/" + org;
        };
    }
}
