package dev.tollgate.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A repository to evaluate the way {@code tollgate check} does: its inputs are read (Cargo.lock, the
 * manifests, deny.toml, ...) and the selected policies' rules run on them. Immutable; build it with
 * {@link #of(Path)} and the {@code with} methods (new settings will be added as methods, so code
 * written against this class keeps compiling).
 */
public final class CheckRequest {
    private final Path repository;
    private final Path config;
    private final Path metadata;
    private final Set<String> policies;

    private CheckRequest(Path repository, Path config, Path metadata, Set<String> policies) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.config = config;
        this.metadata = metadata;
        this.policies = Set.copyOf(policies);
    }

    /** The repository root; every policy that has rules, deny.toml from the root (cargo-deny's defaults when absent). */
    public static CheckRequest of(Path repository) {
        return new CheckRequest(repository, null, null, Set.of());
    }

    /** Only these policies ({@link Policies}); their absent inputs are then errors, as with {@code --policies}. */
    public CheckRequest withPolicies(Set<String> ids) {
        return new CheckRequest(repository, config, metadata, new TreeSet<>(ids));
    }

    /** The deny.toml to use ({@code --config}). */
    public CheckRequest withConfig(Path file) {
        return new CheckRequest(repository, file, metadata, policies);
    }

    /** A {@code cargo metadata --format-version 1} dump to read instead of Cargo.lock and the manifests ({@code --metadata}). */
    public CheckRequest withMetadata(Path file) {
        return new CheckRequest(repository, config, file, policies);
    }

    public Path repository() {
        return repository;
    }

    /** Null: {@code repository/deny.toml} if it exists. */
    public Path config() {
        return config;
    }

    /** Null: read Cargo.lock and the manifests. */
    public Path metadata() {
        return metadata;
    }

    /** Empty: every policy that has rules. */
    public Set<String> policies() {
        return policies;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckRequest r && repository.equals(r.repository) && Objects.equals(config, r.config)
                && Objects.equals(metadata, r.metadata) && policies.equals(r.policies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(repository, config, metadata, policies);
    }

    @Override
    public String toString() {
        return "CheckRequest[" + repository + (config == null ? "" : ", config=" + config)
                + (metadata == null ? "" : ", metadata=" + metadata) + ", policies=" + new TreeSet<>(policies) + "]";
    }
}
