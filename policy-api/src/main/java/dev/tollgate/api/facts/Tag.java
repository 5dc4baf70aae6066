package dev.tollgate.api.facts;

/** A git tag and the commit it points at. */
public record Tag(String name, String target, String date) {
}
