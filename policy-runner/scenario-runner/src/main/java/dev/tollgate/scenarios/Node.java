package dev.tollgate.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the position it was written at, so every problem in a scenario file can be
 * reported as {@code FILE:LINE:COLUMN}. {@code value} is a {@code Map<String, Node>} (insertion
 * order), a {@code List<Node>}, a String, Number or Boolean, or null.
 */
public record Node(Object value, String file, int line, int column) {

    /** A tree of Java maps, lists and scalars as nodes (for fact builders written in Java); positions are 0. */
    public static Node of(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Node> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
            return new Node(out, "(java)", 0, 0);
        }
        if (value instanceof java.util.Collection<?> c) return new Node(c.stream().map(Node::of).toList(), "(java)", 0, 0);
        if (value instanceof Enum<?> e) return new Node(e.name(), "(java)", 0, 0);
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new Node(((Number) value).longValue(), "(java)", 0, 0);
        }
        if (value != null && !(value instanceof String || value instanceof Long || value instanceof Boolean)) {
            return new Node(value.toString(), "(java)", 0, 0);
        }
        return new Node(value, "(java)", 0, 0);
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    public boolean isScalar() {
        return value != null && !isMap() && !isList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Node> map() {
        if (!isMap()) throw error("expected a mapping (key: value), found " + describe());
        return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    public List<Node> list() {
        if (value == null) return List.of();
        if (!isList()) return List.of(this);
        return (List<Node>) value;
    }

    public String text() {
        if (!isScalar()) throw error("expected a single value, found " + describe());
        return value.toString();
    }

    public Node get(String key) {
        return isMap() ? map().get(key) : null;
    }

    public String describe() {
        if (value == null) return "nothing";
        if (isMap()) return "a mapping";
        if (isList()) return "a list";
        return "`" + value + "`";
    }

    public ScenarioException error(String message) {
        return new ScenarioException(file, line, column, message);
    }

    /** A copy of a mapping node with some keys replaced or added. */
    public Node withEntries(Map<String, Node> extra) {
        Map<String, Node> m = new LinkedHashMap<>(isMap() ? map() : Map.of());
        m.putAll(extra);
        return new Node(m, file, line, column);
    }
}
