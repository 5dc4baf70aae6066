package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Typed reads from one table of deny.toml that Tollgate evaluates. A value of the wrong type there is
 * not an issue to report but an input Tollgate cannot honour (cargo-deny itself refuses such a file),
 * so every read fails with an {@link InputException} at the value's key, naming the key and what was
 * expected: {@code [sources] unknown-git: expected one of "deny", "warn", "allow", found 5}.
 */
final class Section {
    /** A string read from a list, with the position of the element itself. */
    record Item(String value, Location at) {
    }

    private final DenyTable table;
    private final String header;
    private final Location at;
    private final String file;

    private Section(DenyTable table, String header, Location at, String file) {
        this.table = table;
        this.header = header;
        this.at = at;
        this.file = file;
    }

    /** The top-level table {@code name}; absent when the file has none, an error when it is not a table. */
    static Section top(DenyTable root, String name) {
        return child(root, "", name, root.file());
    }

    /** The table at {@code key} inside this one, under the same rules as {@link #top}. */
    Section sub(String key) {
        return child(table, header, key, file);
    }

    private static Section child(DenyTable parent, String parentHeader, String key, String file) {
        String header = parentHeader.isEmpty() ? key : parentHeader + "." + key;
        Object value = parent == null ? null : parent.get(List.of(key));
        Location at = value == null ? Location.file(file) : parent.at(key);
        if (value != null && !(value instanceof DenyTable)) {
            throw new InputException(file, at.line(), at.column(),
                    "[" + header + "]: expected a table, found " + describe(value));
        }
        return new Section((DenyTable) value, header, at, file);
    }

    boolean present() {
        return table != null;
    }

    /** The table's header (or first dotted key), or the file alone when the table is absent. */
    Location at() {
        return at;
    }

    /** The position of {@code key}, or the file alone when it is absent. */
    Location at(String key) {
        return has(key) ? table.at(key) : Location.file(file);
    }

    boolean has(String key) {
        return table != null && table.get(List.of(key)) != null;
    }

    /** A lint level ({@code deny}, {@code warn}, {@code allow}), or {@code fallback} when absent. */
    Level level(String key, Level fallback) {
        return word(key, Map.of("deny", Level.DENY, "warn", Level.WARN, "allow", Level.ALLOW),
                List.of("deny", "warn", "allow")).orElse(fallback);
    }

    /** One of {@code words} (listed in the order the error message should give them), if present. */
    <T> Optional<T> word(String key, Map<String, T> values, List<String> words) {
        Object v = get(key);
        if (v == null) return Optional.empty();
        T t = v instanceof String s ? values.get(s) : null;
        if (t == null) {
            throw wrong(key, "one of " + words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ")), v);
        }
        return Optional.of(t);
    }

    boolean bool(String key, boolean fallback) {
        Object v = get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw wrong(key, "true or false", v);
    }

    /**
     * A list of strings, each with its own position, or empty when absent. {@code what} names one element
     * for messages ("a URL string").
     */
    Optional<List<Item>> strings(String key, String what) {
        Object v = get(key);
        if (v == null) return Optional.empty();
        if (!(v instanceof DenyArray array)) throw wrong(key, "a list of " + plural(what), v);
        List<Item> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Object e = array.get(i);
            Location where = array.at(i);
            if (!(e instanceof String s)) throw wrong(key + "[" + i + "]", where, what, e);
            items.add(new Item(s, where));
        }
        return Optional.of(items);
    }

    /** The raw array at {@code key}, or empty when absent; anything but an array fails. */
    Optional<DenyArray> array(String key, String expected) {
        Object v = get(key);
        if (v == null) return Optional.empty();
        if (v instanceof DenyArray a) return Optional.of(a);
        throw wrong(key, expected, v);
    }

    InputException wrong(String key, String expected, Object found) {
        return wrong(key, at(key), expected, found);
    }

    /** A failure for {@code key} (which may carry an index, {@code allow-git[1]}) at {@code where}. */
    InputException wrong(String key, Location where, String expected, Object found) {
        return new InputException(file, where.line(), where.column(),
                "[" + header + "] " + key + ": expected " + expected + ", found " + describe(found));
    }

    private Object get(String key) {
        return table == null ? null : table.get(List.of(key));
    }

    /** A value as a message shows it: strings quoted, scalars as written, containers by kind. */
    static String describe(Object value) {
        if (value instanceof String s) return dev.tollgate.inputs.io.InputFiles.quote(s);
        if (value instanceof DenyArray) return "an array";
        if (value instanceof DenyTable) return "a table";
        return String.valueOf(value);
    }

    private static String plural(String what) {
        // "a URL string" -> "URL strings"; the callers' nouns all pluralize with a trailing "s"
        String noun = what.startsWith("an ") ? what.substring(3) : what.startsWith("a ") ? what.substring(2) : what;
        return noun + "s";
    }
}
