package dev.tollgate.api.facts;

import java.util.List;

/**
 * One crate-spec entry of a deny.toml list ({@code bans.deny}, {@code bans.allow}, {@code bans.skip},
 * {@code bans.skip-tree}, {@code bans.features}), in any of the forms cargo-deny v2 accepts:
 * {@code "name"}, {@code "name@version"} (exact), {@code "name:requirement"}, {@code { crate = "..." }}
 * or the older {@code { name = "...", version = "..." }}.
 *
 * @param list                 {@code deny}, {@code allow}, {@code skip}, {@code skip-tree} or {@code features}; for
 *                             {@code [bans.build]}, {@code build.allow-build-scripts} or {@code build.bypass}
 * @param index                the entry's index in its list
 * @param spec                 the spec as written ({@code lru:<0.18.2}, {@code rand@=0.6.5} for the split form)
 * @param name                 the crate name
 * @param versionReq           the version requirement as cargo-deny applies it ({@code =0.1.2} for
 *                             {@code name@0.1.2}), "" for every version
 * @param reason               {@code reason}, "" when absent
 * @param useInstead           {@code use-instead} (deny only), "" when absent
 * @param wrappers             {@code wrappers} (deny only): crate names allowed to depend on it directly
 * @param denyMultipleVersions {@code deny-multiple-versions} (deny only)
 * @param depth                {@code depth} (skip-tree only), -1 for unbounded
 * @param origin               where the entry starts in deny.toml
 */
public record CrateSpecEntry(CrateList list, int index, String spec, String name, String versionReq, String reason,
                             String useInstead, List<String> wrappers, boolean denyMultipleVersions, int depth,
                             Location origin) {
    /**
     * Copies {@code wrappers} (the fact is immutable); a null {@code reason}, {@code useInstead} or {@code versionReq}
     * becomes "".
     *
     * @param list                 {@code deny}, {@code allow}, {@code skip}, {@code skip-tree} or {@code features}; for
     *                             {@code [bans.build]}, {@code build.allow-build-scripts} or {@code build.bypass}
     * @param index                the entry's index in its list
     * @param spec                 the spec as written ({@code lru:<0.18.2}, {@code rand@=0.6.5} for the split form)
     * @param name                 the crate name
     * @param versionReq           the version requirement as cargo-deny applies it ({@code =0.1.2} for
     *                             {@code name@0.1.2}), "" for every version
     * @param reason               {@code reason}, "" when absent
     * @param useInstead           {@code use-instead} (deny only), "" when absent
     * @param wrappers             {@code wrappers} (deny only): crate names allowed to depend on it directly
     * @param denyMultipleVersions {@code deny-multiple-versions} (deny only)
     * @param depth                {@code depth} (skip-tree only), -1 for unbounded
     * @param origin               where the entry starts in deny.toml
     */
    public CrateSpecEntry {
        wrappers = List.copyOf(wrappers);
        reason = reason == null ? "" : reason;
        useInstead = useInstead == null ? "" : useInstead;
        versionReq = versionReq == null ? "" : versionReq;
    }

    /**
     * {@code name} alone, or {@code name} with its requirement, the way messages quote an entry.
     *
     * @return e.g. {@code openssl} or {@code openssl <0.10}
     */
    public String describe() {
        return versionReq.isEmpty() ? name : name + " " + versionReq;
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
        b.list = list;
        b.index = index;
        b.spec = spec;
        b.name = name;
        b.versionReq = versionReq;
        b.reason = reason;
        b.useInstead = useInstead;
        b.wrappers = wrappers;
        b.denyMultipleVersions = denyMultipleVersions;
        b.depth = depth;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link CrateSpecEntry} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private CrateList list = CrateList.values()[0];
        private int index;
        private String spec = "";
        private String name = "";
        private String versionReq = "";
        private String reason = "";
        private String useInstead = "";
        private List<String> wrappers = java.util.List.of();
        private boolean denyMultipleVersions;
        private int depth;
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code list}.
         *
         * @param list {@code deny}, {@code allow}, {@code skip}, {@code skip-tree} or {@code features}; for {@code [bans.build]}, {@code build.allow-build-scripts} or {@code build.bypass}
         * @return this builder
         */
        public Builder list(CrateList list) {
            this.list = list;
            return this;
        }

        /**
         * Sets {@code index}.
         *
         * @param index the entry's index in its list
         * @return this builder
         */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /**
         * Sets {@code spec}.
         *
         * @param spec the spec as written ({@code lru:<0.18.2}, {@code rand@=0.6.5} for the split form)
         * @return this builder
         */
        public Builder spec(String spec) {
            this.spec = spec;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the crate name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code versionReq}.
         *
         * @param versionReq the version requirement as cargo-deny applies it ({@code =0.1.2} for {@code name@0.1.2}), "" for every version
         * @return this builder
         */
        public Builder versionReq(String versionReq) {
            this.versionReq = versionReq;
            return this;
        }

        /**
         * Sets {@code reason}.
         *
         * @param reason {@code reason}, "" when absent
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * Sets {@code useInstead}.
         *
         * @param useInstead {@code use-instead} (deny only), "" when absent
         * @return this builder
         */
        public Builder useInstead(String useInstead) {
            this.useInstead = useInstead;
            return this;
        }

        /**
         * Sets {@code wrappers}.
         *
         * @param wrappers {@code wrappers} (deny only): crate names allowed to depend on it directly
         * @return this builder
         */
        public Builder wrappers(List<String> wrappers) {
            this.wrappers = wrappers;
            return this;
        }

        /**
         * Sets {@code denyMultipleVersions}.
         *
         * @param denyMultipleVersions {@code deny-multiple-versions} (deny only)
         * @return this builder
         */
        public Builder denyMultipleVersions(boolean denyMultipleVersions) {
            this.denyMultipleVersions = denyMultipleVersions;
            return this;
        }

        /**
         * Sets {@code depth}.
         *
         * @param depth {@code depth} (skip-tree only), -1 for unbounded
         * @return this builder
         */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin where the entry starts in deny.toml
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link CrateSpecEntry}
         */
        public CrateSpecEntry build() {
            return new CrateSpecEntry(list, index, spec, name, versionReq, reason, useInstead, wrappers, denyMultipleVersions, depth, origin);
        }
    }
}
