package dev.tollgate.api.facts;

import java.util.List;
import java.util.Map;

/**
 * The features a package is built with in the graph, for cargo-deny's feature bans. Exact for every
 * package when {@code cargo metadata} is given ({@code resolve.nodes[].features}); without it, exact for
 * workspace members (their manifests' feature closure under {@code [graph]}) and unknown below them,
 * because Cargo.lock does not record features.
 *
 * @param packageId the package
 * @param name      its crate name
 * @param member    a workspace member
 * @param known     the enabled features are known ({@code false}: a non-member without cargo metadata)
 * @param enabled   the enabled features, sorted ({@code default} only when the package declares it)
 * @param declared  the package's features: each name with what it enables (implicit features of optional
 *                  dependencies included); empty when not known
 */
public record EnabledFeatures(String packageId, String name, boolean member, boolean known, List<String> enabled,
                              Map<String, List<String>> declared) {
    /**
     * Copies {@code enabled} and {@code declared} (the fact is immutable).
     *
     * @param packageId the package
     * @param name      its crate name
     * @param member    a workspace member
     * @param known     the enabled features are known ({@code false}: a non-member without cargo metadata)
     * @param enabled   the enabled features, sorted ({@code default} only when the package declares it)
     * @param declared  the package's features: each name with what it enables (implicit features of optional
     *                  dependencies included); empty when not known
     */
    public EnabledFeatures {
        enabled = List.copyOf(enabled);
        declared = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(declared));
    }

    /**
     * A builder with a named step per field, so that a field added later does not break the caller
     * (the canonical constructor stays, and keeps its order). Fields not set are empty: {@code ""},
     * an empty collection, {@link Location#NONE}, 0, false, an enum's first constant, null otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this fact's fields, to build a copy that differs in some.
     *
     * @return a new builder holding every field of this fact
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.packageId = packageId;
        b.name = name;
        b.member = member;
        b.known = known;
        b.enabled = enabled;
        b.declared = declared;
        return b;
    }

    /** Builds a {@link EnabledFeatures} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String packageId = "";
        private String name = "";
        private boolean member;
        private boolean known;
        private List<String> enabled = java.util.List.of();
        private Map<String, List<String>> declared = java.util.Map.of();

        private Builder() {
        }

        /**
         * Sets {@code packageId}.
         *
         * @param packageId the package
         * @return this builder
         */
        public Builder packageId(String packageId) {
            this.packageId = packageId;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name its crate name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code member}.
         *
         * @param member a workspace member
         * @return this builder
         */
        public Builder member(boolean member) {
            this.member = member;
            return this;
        }

        /**
         * Sets {@code known}.
         *
         * @param known the enabled features are known ({@code false}: a non-member without cargo metadata)
         * @return this builder
         */
        public Builder known(boolean known) {
            this.known = known;
            return this;
        }

        /**
         * Sets {@code enabled}.
         *
         * @param enabled the enabled features, sorted ({@code default} only when the package declares it)
         * @return this builder
         */
        public Builder enabled(List<String> enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * Sets {@code declared}.
         *
         * @param declared the package's features: each name with what it enables (implicit features of optional dependencies included); empty when not known
         * @return this builder
         */
        public Builder declared(Map<String, List<String>> declared) {
            this.declared = declared;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link EnabledFeatures}
         */
        public EnabledFeatures build() {
            return new EnabledFeatures(packageId, name, member, known, enabled, declared);
        }
    }
}
