package dev.tollgate.api.facts;

/**
 * A file changed between two git refs, or listed by {@code --changed-files}: a path relative to the
 * repository root, with forward slashes, never absolute and never containing {@code ..}. A rename
 * is two changed files (the old path deleted, the new one added).
 *
 * @param path   relative to the repository root, with {@code /} (e.g. {@code crates/core/src/lib.rs})
 * @param origin the line of the {@code --changed-files} list that names it; {@link Location#NONE} for a file from
 *               {@code git diff}
 */
public record ChangedFile(String path, Location origin) {
}
