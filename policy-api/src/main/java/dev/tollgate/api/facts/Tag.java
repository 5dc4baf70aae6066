package dev.tollgate.api.facts;

/**
 * A git tag and the commit it points at.
 *
 * @param name   the tag name without {@code refs/tags/}
 * @param target the id of the commit it peels to (the tag object's target for annotated tags)
 * @param date   the tagger date for annotated tags, else the commit's date (ISO-8601 with offset)
 */
public record Tag(String name, String target, String date) {
}
