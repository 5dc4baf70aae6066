package dev.tollgate.api.facts;

import java.util.List;

/**
 * A RustSec advisory (filled by the advisories policy's extractor from {@code crates/<name>/RUSTSEC-*.md}).
 *
 * @param id          the advisory id ({@code RUSTSEC-2023-0071})
 * @param crate       the affected crate's name ({@code [advisory] package})
 * @param kind        what it reports: a vulnerability ({@code informational} absent), unmaintained, unsound,
 *                    notice, or {@link AdvisoryKind#OTHER} for any other {@code informational} word
 * @param kindName    the kind as written: {@code vulnerability} when {@code informational} is absent, else its
 *                    value (the word of an {@link AdvisoryKind#OTHER} kind)
 * @param date        the advisory's {@code date}, {@code YYYY-MM-DD}
 * @param url         the {@code url} ("" when absent)
 * @param title       the Markdown title (the first {@code #} heading; "" when absent)
 * @param aliases     {@code [advisory] aliases} (CVE and GHSA ids)
 * @param patched     Cargo semver requirements of fixed versions
 * @param unaffected  Cargo semver requirements of versions never affected
 * @param source      the registry the advisory is about ("" for crates.io)
 * @param cvss        the CVSS vector ("" when none)
 * @param withdrawn   always false here: withdrawn advisories are left out when the db is read
 * @param categories  {@code [advisory] categories}
 * @param keywords    {@code [advisory] keywords}
 * @param os          {@code [affected] os} (empty: every OS)
 * @param arch        {@code [affected] arch} (empty: every architecture)
 * @param functions   {@code [affected] functions} keys (paths of the affected functions)
 * @param origin      the advisory file and its {@code [advisory]} line
 */
public record Advisory(String id, String crate, AdvisoryKind kind, String kindName, String date, String url, String title,
                       List<String> aliases, List<String> patched, List<String> unaffected, String source,
                       String cvss, boolean withdrawn, List<String> categories, List<String> keywords,
                       List<String> os, List<String> arch, List<String> functions, Location origin) {
    /**
     * Copies {@code aliases}, {@code patched}, {@code unaffected}, {@code categories}, {@code keywords}, {@code os},
     * {@code arch} and {@code functions} (the fact is immutable); a null {@code source}, {@code cvss}, {@code url} or
     * {@code title} becomes "".
     *
     * @param id         the advisory id ({@code RUSTSEC-2023-0071})
     * @param crate      the affected crate's name ({@code [advisory] package})
     * @param kind       what it reports: a vulnerability ({@code informational} absent), unmaintained, unsound,
     *                   notice, or {@link AdvisoryKind#OTHER} for any other {@code informational} word
     * @param kindName   the kind as written: {@code vulnerability} when {@code informational} is absent, else its
     *                   value; "" or null is the kind's {@link AdvisoryKind#word()}
     * @param date       the advisory's {@code date}, {@code YYYY-MM-DD}
     * @param url        the {@code url} ("" when absent)
     * @param title      the Markdown title (the first {@code #} heading; "" when absent)
     * @param aliases    {@code [advisory] aliases} (CVE and GHSA ids)
     * @param patched    Cargo semver requirements of fixed versions
     * @param unaffected Cargo semver requirements of versions never affected
     * @param source     the registry the advisory is about ("" for crates.io)
     * @param cvss       the CVSS vector ("" when none)
     * @param withdrawn  always false here: withdrawn advisories are left out when the db is read
     * @param categories {@code [advisory] categories}
     * @param keywords   {@code [advisory] keywords}
     * @param os         {@code [affected] os} (empty: every OS)
     * @param arch       {@code [affected] arch} (empty: every architecture)
     * @param functions  {@code [affected] functions} keys (paths of the affected functions)
     * @param origin     the advisory file and its {@code [advisory]} line
     */
    public Advisory {
        aliases = List.copyOf(aliases);
        patched = List.copyOf(patched);
        unaffected = List.copyOf(unaffected);
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
        os = List.copyOf(os);
        arch = List.copyOf(arch);
        functions = List.copyOf(functions);
        source = source == null ? "" : source;
        cvss = cvss == null ? "" : cvss;
        url = url == null ? "" : url;
        title = title == null ? "" : title;
        java.util.Objects.requireNonNull(kind, "kind");
        kindName = kindName == null || kindName.isEmpty() ? kind.word() : kindName;
    }

    /**
     * True for vulnerability and unsound advisories: the kinds that fail the gate.
     *
     * @return whether {@code kind} is {@link AdvisoryKind#VULNERABILITY} or {@link AdvisoryKind#UNSOUND}
     */
    public boolean isSecurity() {
        return kind == AdvisoryKind.VULNERABILITY || kind == AdvisoryKind.UNSOUND;
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
        b.id = id;
        b.crate = crate;
        b.kind = kind;
        b.kindName = kindName;
        b.date = date;
        b.url = url;
        b.title = title;
        b.aliases = aliases;
        b.patched = patched;
        b.unaffected = unaffected;
        b.source = source;
        b.cvss = cvss;
        b.withdrawn = withdrawn;
        b.categories = categories;
        b.keywords = keywords;
        b.os = os;
        b.arch = arch;
        b.functions = functions;
        b.origin = origin;
        return b;
    }

    /** Builds a {@link Advisory} field by field; {@link #build()} calls the canonical constructor. */
    public static final class Builder {
        private String id = "";
        private String crate = "";
        private AdvisoryKind kind = AdvisoryKind.values()[0];
        private String kindName = "";
        private String date = "";
        private String url = "";
        private String title = "";
        private List<String> aliases = java.util.List.of();
        private List<String> patched = java.util.List.of();
        private List<String> unaffected = java.util.List.of();
        private String source = "";
        private String cvss = "";
        private boolean withdrawn;
        private List<String> categories = java.util.List.of();
        private List<String> keywords = java.util.List.of();
        private List<String> os = java.util.List.of();
        private List<String> arch = java.util.List.of();
        private List<String> functions = java.util.List.of();
        private Location origin = Location.NONE;

        private Builder() {
        }

        /**
         * Sets {@code id}.
         *
         * @param id the advisory id ({@code RUSTSEC-2023-0071})
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code crate}.
         *
         * @param crate the affected crate's name ({@code [advisory] package})
         * @return this builder
         */
        public Builder crate(String crate) {
            this.crate = crate;
            return this;
        }

        /**
         * Sets {@code kind}.
         *
         * @param kind what it reports: a vulnerability ({@code informational} absent), unmaintained, unsound, notice, or {@link AdvisoryKind#OTHER} for any other {@code informational} word
         * @return this builder
         */
        public Builder kind(AdvisoryKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets {@code kindName}.
         *
         * @param kindName the kind as written: {@code vulnerability} when {@code informational} is absent, else its value (the word of an {@link AdvisoryKind#OTHER} kind)
         * @return this builder
         */
        public Builder kindName(String kindName) {
            this.kindName = kindName;
            return this;
        }

        /**
         * Sets {@code date}.
         *
         * @param date the advisory's {@code date}, {@code YYYY-MM-DD}
         * @return this builder
         */
        public Builder date(String date) {
            this.date = date;
            return this;
        }

        /**
         * Sets {@code url}.
         *
         * @param url the {@code url} ("" when absent)
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets {@code title}.
         *
         * @param title the Markdown title (the first {@code #} heading; "" when absent)
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets {@code aliases}.
         *
         * @param aliases {@code [advisory] aliases} (CVE and GHSA ids)
         * @return this builder
         */
        public Builder aliases(List<String> aliases) {
            this.aliases = aliases;
            return this;
        }

        /**
         * Sets {@code patched}.
         *
         * @param patched Cargo semver requirements of fixed versions
         * @return this builder
         */
        public Builder patched(List<String> patched) {
            this.patched = patched;
            return this;
        }

        /**
         * Sets {@code unaffected}.
         *
         * @param unaffected Cargo semver requirements of versions never affected
         * @return this builder
         */
        public Builder unaffected(List<String> unaffected) {
            this.unaffected = unaffected;
            return this;
        }

        /**
         * Sets {@code source}.
         *
         * @param source the registry the advisory is about ("" for crates.io)
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Sets {@code cvss}.
         *
         * @param cvss the CVSS vector ("" when none)
         * @return this builder
         */
        public Builder cvss(String cvss) {
            this.cvss = cvss;
            return this;
        }

        /**
         * Sets {@code withdrawn}.
         *
         * @param withdrawn always false here: withdrawn advisories are left out when the db is read
         * @return this builder
         */
        public Builder withdrawn(boolean withdrawn) {
            this.withdrawn = withdrawn;
            return this;
        }

        /**
         * Sets {@code categories}.
         *
         * @param categories {@code [advisory] categories}
         * @return this builder
         */
        public Builder categories(List<String> categories) {
            this.categories = categories;
            return this;
        }

        /**
         * Sets {@code keywords}.
         *
         * @param keywords {@code [advisory] keywords}
         * @return this builder
         */
        public Builder keywords(List<String> keywords) {
            this.keywords = keywords;
            return this;
        }

        /**
         * Sets {@code os}.
         *
         * @param os {@code [affected] os} (empty: every OS)
         * @return this builder
         */
        public Builder os(List<String> os) {
            this.os = os;
            return this;
        }

        /**
         * Sets {@code arch}.
         *
         * @param arch {@code [affected] arch} (empty: every architecture)
         * @return this builder
         */
        public Builder arch(List<String> arch) {
            this.arch = arch;
            return this;
        }

        /**
         * Sets {@code functions}.
         *
         * @param functions {@code [affected] functions} keys (paths of the affected functions)
         * @return this builder
         */
        public Builder functions(List<String> functions) {
            this.functions = functions;
            return this;
        }

        /**
         * Sets {@code origin}.
         *
         * @param origin the advisory file and its {@code [advisory]} line
         * @return this builder
         */
        public Builder origin(Location origin) {
            this.origin = origin;
            return this;
        }

        /**
         * The fact, from the fields set so far (the canonical constructor's checks and copies apply).
         *
         * @return a new {@link Advisory}
         */
        public Advisory build() {
            return new Advisory(id, crate, kind, kindName, date, url, title, aliases, patched, unaffected, source, cvss, withdrawn, categories, keywords, os, arch, functions, origin);
        }
    }
}
