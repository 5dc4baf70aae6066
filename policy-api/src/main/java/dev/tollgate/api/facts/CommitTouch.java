package dev.tollgate.api.facts;

/** A commit since a crate's baseline tag changed a file of that crate (the innermost crate owning the path). */
public record CommitTouch(String crate, String sha) {
}
