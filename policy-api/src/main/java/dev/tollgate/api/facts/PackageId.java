package dev.tollgate.api.facts;

import java.util.Objects;

/**
 * A package id as a value: the text facts carry as {@code id} / {@code packageId}
 * ({@code name@version}, with {@code " (source)"} only where two locked packages share name and version),
 * read into its parts. Facts keep the text, which rules compare with {@code ==}; Java code (and a rule that
 * needs a part) reads an id with {@link #parse} rather than cutting the text itself.
 *
 * @param name    the crate name
 * @param version the version
 * @param source  what tells two packages of one name and version apart (the raw Cargo.lock source, or
 *                {@code local}); "" when the id has none
 */
public record PackageId(String name, String version, String source) {
    /**
     * Checks the parts; a null {@code source} becomes "".
     *
     * @param name    the crate name, not empty and without {@code @}
     * @param version the version, without {@code @}
     * @param source  what tells two packages of one name and version apart; "" or null for none
     */
    public PackageId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (name.isEmpty() || name.indexOf('@') >= 0 || version.indexOf('@') >= 0) {
            throw new IllegalArgumentException("not a package name and version: `" + name + "`, `" + version + "`");
        }
        source = source == null ? "" : source;
    }

    /**
     * The id of a package that no other locked package shares name and version with.
     *
     * @param name    the crate name
     * @param version the version
     * @return {@code name@version}
     */
    public static PackageId of(String name, String version) {
        return new PackageId(name, version, "");
    }

    /**
     * Reads an id as facts write it.
     *
     * @param id {@code name@version} or {@code name@version (source)}
     * @return its parts
     * @throws IllegalArgumentException when {@code id} has no {@code name@version}
     */
    public static PackageId parse(String id) {
        Objects.requireNonNull(id, "id");
        int open = id.indexOf(" (");
        String spec = open < 0 ? id : id.substring(0, open);
        String source = open < 0 || !id.endsWith(")") ? "" : id.substring(open + 2, id.length() - 1);
        if (open >= 0 && source.isEmpty()) throw new IllegalArgumentException("not a package id: `" + id + "`");
        int at = spec.indexOf('@');
        if (at <= 0) throw new IllegalArgumentException("not a package id (name@version): `" + id + "`");
        return new PackageId(spec.substring(0, at), spec.substring(at + 1), source);
    }

    /**
     * The crate name of an id, or the whole text when it is no {@code name@version} (a lenient
     * {@code parse(id).name()}, for messages).
     *
     * @param id a package id
     * @return its crate name
     */
    public static String nameOf(String id) {
        int at = id.indexOf('@');
        return at <= 0 ? id : id.substring(0, at);
    }

    /**
     * What people write and findings quote.
     *
     * @return {@code name@version}
     */
    public String spec() {
        return name + "@" + version;
    }

    /**
     * The id as facts carry it.
     *
     * @return {@code name@version}, with {@code " (source)"} when {@code source} is set
     */
    @Override
    public String toString() {
        return source.isEmpty() ? spec() : spec() + " (" + source + ")";
    }
}
