package dev.tollgate.api.facts;

/**
 * A tag that looks like a release tag of the plan (it matches a tag pattern) but whose version is not semver.
 *
 * @param name    the tag as in git, e.g. {@code core-v1.x}
 * @param version the part the tag pattern captured as the version (not semver)
 */
public record IgnoredTag(String name, String version) {
}
