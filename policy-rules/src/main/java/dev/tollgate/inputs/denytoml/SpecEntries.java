package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;

import java.util.List;

/**
 * One element of a deny.toml crate-spec list ([bans] {@code deny}, {@code skip}, {@code build.bypass},
 * [licenses] {@code exceptions}, {@code clarify}, ...): a spec string, or a table with
 * {@code crate = "name@version"} or {@code name} (with {@code version}). Malformed values stop the run
 * at the value: {@code [TABLE] KEY: expected ..., found ...}.
 */
public final class SpecEntries {
    /** The parsed spec, the spec as written, and the table when the element is one (else null). */
    public record Read(CrateSpecs.Spec spec, String written, DenyTable table) {
    }

    private SpecEntries() {
    }

    /**
     * @param table the top-level table, as messages name it ({@code bans}, {@code licenses})
     * @param key   the element's key below it ({@code deny[2]}, {@code build.bypass[0]}, {@code exceptions[0]})
     * @param file  the deny.toml display path
     */
    public static Read read(String table, Object e, Location where, String key, String file) {
        String k = "[" + table + "] " + key;
        if (e instanceof String s) return new Read(parse(k, where, file, () -> CrateSpecs.parse(s)), s, null);
        if (!(e instanceof DenyTable t)) throw wrong(file, k, where, "a crate spec string or a table", e);
        Object crate = t.get(List.of("crate"));
        Object name = t.get(List.of("name"));
        Object version = t.get(List.of("version"));
        if (crate != null && (name != null || version != null)) {
            throw wrong(file, k, where, "either `crate = \"name@version\"` or `name` (with `version`), not both", t);
        }
        if (crate != null) {
            if (!(crate instanceof String s)) throw wrong(file, k + ".crate", t.at("crate"), "a crate spec string", crate);
            return new Read(parse(k + ".crate", t.at("crate"), file, () -> CrateSpecs.parse(s)), s, t);
        }
        if (name == null) throw wrong(file, k, where, "a table with `crate = \"name@version\"` or `name`", t);
        if (!(name instanceof String n)) throw wrong(file, k + ".name", t.at("name"), "a crate name string", name);
        if (version != null && !(version instanceof String)) {
            throw wrong(file, k + ".version", t.at("version"), "a version requirement string", version);
        }
        String ver = (String) version;
        CrateSpecs.Spec spec = parse(ver == null ? k + ".name" : k + ".version", ver == null ? t.at("name") : t.at("version"),
                file, () -> CrateSpecs.parse(n, ver));
        return new Read(spec, ver == null ? n : n + ":" + ver, t);
    }

    private static CrateSpecs.Spec parse(String key, Location where, String file, java.util.function.Supplier<CrateSpecs.Spec> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException ex) {
            throw new InputException(file, where.line(), where.column(), key + ": " + ex.getMessage());
        }
    }

    /** {@code key} is the whole label ({@code [bans] deny[2].crate}). */
    public static InputException wrong(String file, String key, Location where, String expected, Object found) {
        return new InputException(file, where.line(), where.column(), key + ": expected " + expected + ", found " + describe(found));
    }

    /** A TOML value as an error message shows it. */
    public static String describe(Object value) {
        if (value == null) return "nothing";
        if (value instanceof String s) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (value instanceof DenyArray) return "an array";
        if (value instanceof DenyTable) return "a table";
        return String.valueOf(value);
    }
}
