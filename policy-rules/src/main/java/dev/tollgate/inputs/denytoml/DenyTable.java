package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A table of a parsed deny.toml, with the position of each of its keys, so that a policy reading it
 * later can point a finding at the line to edit without parsing the file again. Values are
 * {@link String}, {@link Long}, {@link Double}, {@link Boolean}, the {@code java.time} types of TOML's
 * dates and times, {@link DenyArray} and {@code DenyTable}.
 *
 * <p>This is Tollgate's own tree rather than a parser's, so that the fast reading (jackson plus a
 * position scan) and the exact one (tomlj) produce the same thing, and a run that reads a well-formed
 * file never loads tomlj. A key's position is where tomlj puts it: the first character of its key line
 * (of the whole dotted key), of the key inside an inline table, or the {@code [} of the header that
 * defines the table.
 *
 * <p>Methods named like tomlj's ({@link #get(String)}, {@link #getArray(String)}, ...) take dotted keys
 * as TOML writes them ({@code bans.build}, {@code "a.b".c}); {@link #get(List)} and {@link #at(String)}
 * take single keys, which may contain dots.
 */
public final class DenyTable {
    private final String file;
    private final Map<String, Object> values;
    private final Map<String, Location> positions;

    /** {@code values} and {@code positions} have the same keys, in file order. */
    DenyTable(String file, Map<String, Object> values, Map<String, Location> positions) {
        if (!values.keySet().equals(positions.keySet())) throw new IllegalArgumentException("a key without a position");
        this.file = file;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    /** The table of an empty file. */
    static DenyTable empty(String file) {
        return new DenyTable(file, Map.of(), Map.of());
    }

    /** The file the table belongs to, as findings name it. */
    String file() {
        return file;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    /** The keys of this table, in the order the file defines them. */
    public Set<String> keySet() {
        return values.keySet();
    }

    /** The value at a dotted key, or null when absent (or when the path runs into something not a table). */
    public Object get(String dottedKey) {
        return get(PositionScan.dottedKey(dottedKey));
    }

    /** The value at a path of single keys, or null when absent. */
    public Object get(List<String> path) {
        DenyTable table = this;
        for (int i = 0; i < path.size() - 1; i++) {
            if (!(table.values.get(path.get(i)) instanceof DenyTable sub)) return null;
            table = sub;
        }
        return path.isEmpty() ? this : table.values.get(path.get(path.size() - 1));
    }

    /** The table at a dotted key, or null when absent; a value of another type fails at its key. */
    public DenyTable getTable(String dottedKey) {
        return typed(dottedKey, DenyTable.class, "a table");
    }

    /** The array at a dotted key, or null when absent; a value of another type fails at its key. */
    public DenyArray getArray(String dottedKey) {
        return typed(dottedKey, DenyArray.class, "an array");
    }

    /**
     * The array of strings under {@code key} (a key of this table, not dotted), empty when absent; any
     * other value fails at its position: {@code FILE:LINE:COLUMN: `key`: expected ...}.
     */
    public List<String> strings(String key, String file) {
        Object v = get(List.of(key));
        if (v == null) return List.of();
        if (!(v instanceof DenyArray a)) {
            Location at = at(key);
            throw new InputException(file, at.line(), at.column(), "`" + key + "`: expected an array of strings");
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof String s)) {
                Location e = a.at(i);
                throw new InputException(file, e.line(), e.column(), "`" + key + "`: expected strings only");
            }
            out.add(s);
        }
        return out;
    }

    /** The string at a dotted key, or null when absent; a value of another type fails at its key. */
    public String getString(String dottedKey) {
        return typed(dottedKey, String.class, "a string");
    }

    /** The integer at a dotted key, or null when absent; a value of another type fails at its key. */
    public Long getLong(String dottedKey) {
        return typed(dottedKey, Long.class, "an integer");
    }

    /** The boolean at a dotted key, or null when absent; a value of another type fails at its key. */
    public Boolean getBoolean(String dottedKey) {
        return typed(dottedKey, Boolean.class, "true or false");
    }

    /** The position of key {@code key} of this table, or the file alone when it is absent. */
    public Location at(String key) {
        Location at = positions.get(key);
        return at != null ? at : Location.file(file);
    }

    /** The position of the key at a path of single keys, or the file alone when it is absent. */
    public Location at(List<String> path) {
        if (path.isEmpty()) return Location.file(file);
        return get(path.subList(0, path.size() - 1)) instanceof DenyTable parent
                ? parent.at(path.get(path.size() - 1)) : Location.file(file);
    }

    private <T> T typed(String dottedKey, Class<T> type, String expected) {
        List<String> path = PositionScan.dottedKey(dottedKey);
        Object v = get(path);
        if (v == null || type.isInstance(v)) return type.cast(v);
        Location at = at(path);
        throw new InputException(file, at.line(), at.column(),
                "`" + dottedKey + "`: expected " + expected + ", found " + Section.describe(v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenyTable t && file.equals(t.file) && values.equals(t.values)
                && positions.equals(t.positions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, values, positions);
    }

    /** Every key with its position, {@code {key@line:column=value, ...}}: a failed comparison shows where. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (s.length() > 1) s.append(", ");
            Location at = positions.get(k);
            s.append(k).append('@').append(at.line()).append(':').append(at.column()).append('=').append(v);
        });
        return s.append('}').toString();
    }
}
