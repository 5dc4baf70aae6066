package dev.tollgate.api.facts;

import java.util.List;

/**
 * A RustSec advisory (filled by the advisories policy's extractor from {@code crates/<name>/RUSTSEC-*.md}).
 *
 * @param kind        vulnerability, unmaintained, unsound or notice ({@code informational} absent:
 *                    vulnerability; any other informational word is kept as written)
 * @param source      the registry the advisory is about ("" for crates.io)
 * @param patched     Cargo semver requirements of fixed versions
 * @param unaffected  Cargo semver requirements of versions never affected
 * @param cvss        the CVSS vector ("" when none)
 * @param categories  {@code [advisory] categories}
 * @param keywords    {@code [advisory] keywords}
 * @param os          {@code [affected] os} (empty: every OS)
 * @param arch        {@code [affected] arch} (empty: every architecture)
 * @param functions   {@code [affected] functions} keys (paths of the affected functions)
 * @param origin      the advisory file and its {@code [advisory]} line
 */
public record Advisory(String id, String crate, String kind, String date, String url, String title,
                       List<String> aliases, List<String> patched, List<String> unaffected, String source,
                       String cvss, boolean withdrawn, List<String> categories, List<String> keywords,
                       List<String> os, List<String> arch, List<String> functions, Location origin) {
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
    }

    /** True for vulnerability and unsound advisories: the kinds that fail the gate. */
    public boolean isSecurity() {
        return "vulnerability".equals(kind) || "unsound".equals(kind);
    }
}
