package dev.tollgate.api.facts;

/** Crate {@code from} depends on workspace crate {@code to} (normal or build dependency): a new {@code to} needs a new {@code from}. */
public record ReleaseDep(String from, String to) {
}
