package dev.tollgate.api.facts;

/**
 * A locked package inside the tree of a {@code bans.skip-tree} root: the root itself (depth 0) or a
 * package it reaches through locked dependencies within the entry's {@code depth}.
 *
 * @param index     the skip-tree entry's index
 * @param rootId    the root package that the entry matched
 * @param packageId the package in its tree
 * @param depth     the number of dependency edges from the root (shortest)
 */
public record SkipTreeMember(int index, String rootId, String packageId, int depth) {
}
