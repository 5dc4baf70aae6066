package dev.tollgate.api.facts;

/**
 * A file changed between two git refs, or listed by {@code --changed-files}: a path relative to the
 * repository root, with forward slashes, never absolute and never containing {@code ..}. A rename
 * is two changed files (the old path deleted, the new one added).
 */
public record ChangedFile(String path, Location origin) {
}
