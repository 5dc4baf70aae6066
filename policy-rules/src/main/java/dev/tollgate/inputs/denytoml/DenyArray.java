package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.Location;

import java.util.List;
import java.util.Objects;

/**
 * An array of a parsed deny.toml (a {@code [...]} value or the entries of a {@code [[table]]}), with
 * where each element starts: the first character of the value itself, after any line breaks and
 * comments that precede it, or the {@code [[} of an entry's header. An allow-list entry that fails
 * is then reported on its own line, not on the line of the {@code [} or of the previous comma.
 */
public final class DenyArray {
    private final String file;
    private final List<Object> values;
    private final List<Location> positions;

    /** {@code values} and {@code positions} have the same length. */
    DenyArray(String file, List<Object> values, List<Location> positions) {
        if (values.size() != positions.size()) throw new IllegalArgumentException("an element without a position");
        this.file = file;
        this.values = List.copyOf(values);
        this.positions = List.copyOf(positions);
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Element {@code index}; see {@link DenyTable} for the types. */
    public Object get(int index) {
        return values.get(index);
    }

    /** Element {@code index} when it is a table, else null. */
    public DenyTable getTable(int index) {
        return values.get(index) instanceof DenyTable t ? t : null;
    }

    /** The elements, in file order. */
    public List<Object> toList() {
        return values;
    }

    /** Where element {@code index} starts, or the file alone when there is no such element. */
    public Location at(int index) {
        return index >= 0 && index < positions.size() ? positions.get(index) : Location.file(file);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenyArray a && file.equals(a.file) && values.equals(a.values)
                && positions.equals(a.positions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, values, positions);
    }

    /** Every element with its position, {@code [@line:column=value, ...]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) s.append(", ");
            s.append('@').append(positions.get(i).line()).append(':').append(positions.get(i).column())
                    .append('=').append(values.get(i));
        }
        return s.append(']').toString();
    }
}
