package dev.tollgate.api.facts;

/** Derived by the releasejobs rules: an artifact must be rebuilt, and why. */
public record ReleaseChange(String artifact, String reason) {
}
