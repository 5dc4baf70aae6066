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
}
