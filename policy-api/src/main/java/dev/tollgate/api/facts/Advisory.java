package dev.tollgate.api.facts;

import java.util.List;

/**
 * A RustSec advisory (filled by the advisories policy's extractor).
 *
 * @param kind        vulnerability, unmaintained, unsound or notice
 * @param source      the registry the advisory is about ("" for crates.io)
 * @param patched     Cargo semver requirements of fixed versions
 * @param unaffected  Cargo semver requirements of versions never affected
 * @param origin      the advisory file and its {@code [advisory]} line
 */
public record Advisory(String id, String crate, String kind, String date, String url, String title,
                       List<String> aliases, List<String> patched, List<String> unaffected, String source,
                       String cvss, boolean withdrawn, Location origin) {
    public Advisory {
        aliases = List.copyOf(aliases);
        patched = List.copyOf(patched);
        unaffected = List.copyOf(unaffected);
    }
}
