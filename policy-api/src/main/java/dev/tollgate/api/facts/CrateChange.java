package dev.tollgate.api.facts;

/**
 * Why a crate changes, derived by the version rules: one per commit that touched it, or one because
 * a crate it depends on is released.
 *
 * @param crate  the crate
 * @param sha    the commit ("" for a dependency change)
 * @param kind   breaking, feat, other (any other commit, conventional or not) or dependency
 * @param reason what a person reads: the commit header, or "depends on X, which is released"
 */
public record CrateChange(String crate, String sha, ChangeKind kind, String reason) {
}
