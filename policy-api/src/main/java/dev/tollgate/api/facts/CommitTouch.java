package dev.tollgate.api.facts;

/**
 * A commit since a crate's baseline tag changed a file of that crate (the innermost crate owning the path).
 *
 * @param crate the crate's name
 * @param sha   the commit's full 40-character hex id
 */
public record CommitTouch(String crate, String sha) {
}
