package dev.tollgate.api.facts;

/**
 * Crate {@code from} depends on workspace crate {@code to} (normal or build dependency): a new {@code to} needs a new
 * {@code from}.
 *
 * @param from the depending crate's name
 * @param to   the workspace crate it depends on
 */
public record ReleaseDep(String from, String to) {
}
