package dev.tollgate.api.facts;

/** Where a locked package comes from, as Cargo records it in the lockfile's {@code source}. */
public enum SourceKind {
    /** A registry reached through a git index ({@code registry+URL}). */
    REGISTRY,
    /** A registry reached through the sparse protocol ({@code sparse+URL}). */
    SPARSE_REGISTRY,
    /** A git repository ({@code git+URL?spec#commit}). */
    GIT,
    /** A workspace member or a path dependency: no source in the lockfile. */
    LOCAL
}
