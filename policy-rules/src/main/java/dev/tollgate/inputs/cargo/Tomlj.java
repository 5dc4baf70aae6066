package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every use of tomlj in this package, kept in one class so that tomlj (and the ANTLR runtime under
 * it) is loaded only when a reader needs its exact positions or error messages: a cold process that
 * reads well-formed Cargo files through the fast paths never loads it.
 */
final class Tomlj {
    private Tomlj() {
    }

    /** A parse that found no error, as a plain tree and a position look-up for full key paths. */
    record Parsed(Map<String, Object> tree, Function<List<String>, Location> positions) {
    }

    /** Parses, failing on the first syntax error with its position. */
    static Parsed parse(String text, String displayPath) {
        dev.tollgate.inputs.io.TomlNesting.check(text, displayPath);
        TomlParseResult root = Toml.parse(text);
        InputException error = firstError(root, displayPath, null);
        if (error != null) throw error;
        return new Parsed(map(root), path -> {
            TomlPosition p = root.inputPositionOf(path);
            return p == null ? Location.file(displayPath) : Location.of(displayPath, p.line(), p.column());
        });
    }

    /** The first syntax error of the text as an {@link InputException}, or null when tomlj finds none. */
    static InputException syntaxError(String text, String displayPath, Throwable cause) {
        dev.tollgate.inputs.io.TomlNesting.check(text, displayPath);
        return firstError(Toml.parse(text), displayPath, cause);
    }

    /**
     * The lines of the first {@code count} elements of the top-level array of tables {@code key}; 0
     * for each element tomlj cannot place (it rejects the text, or the array is shorter).
     */
    static int[] arrayTableLines(String text, String key, int count) {
        int[] lines = new int[count];
        dev.tollgate.inputs.io.TomlNesting.check(text, "");
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors() || !result.isArray(List.of(key))) return lines;
        TomlArray array = result.getArray(List.of(key));
        for (int i = 0; i < count && i < array.size(); i++) {
            lines[i] = array.inputPositionOf(i).line();
        }
        return lines;
    }

    private static InputException firstError(TomlParseResult result, String displayPath, Throwable cause) {
        if (!result.hasErrors()) return null;
        TomlParseError error = result.errors().get(0);
        return new InputException(displayPath, error.position().line(), error.position().column(),
                "malformed TOML: " + error.getMessage(), cause);
    }

    /** A tomlj table as a plain tree of LinkedHashMap, List, String, Boolean, Long, Double and date values. */
    private static Map<String, Object> map(TomlTable table) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : table.keySet()) out.put(key, plain(table.get(List.of(key))));
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof TomlTable t) return map(t);
        if (v instanceof TomlArray a) {
            List<Object> list = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) list.add(plain(a.get(i)));
            return list;
        }
        return v;
    }
}
