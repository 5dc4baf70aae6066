package dev.tollgate.api.facts;

/**
 * A {@link CrateSpecEntry} whose name and version requirement match a locked package (computed by the
 * extractor with Cargo's semver rules; the rules decide what a match means).
 *
 * @param list      the entry's list ({@code deny}, {@code allow}, {@code skip}, {@code skip-tree}, {@code features},
 *                  {@code build.allow-build-scripts}, {@code build.bypass})
 * @param index     the entry's index in that list
 * @param packageId the matching locked package
 */
public record CrateMatch(CrateList list, int index, String packageId) {
}
