package dev.tollgate.api.facts;

/** A tag that looks like a release tag of the plan (it matches a tag pattern) but whose version is not semver. */
public record IgnoredTag(String name, String version) {
}
