package dev.tollgate.inputs.denytoml;

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

/**
 * Every use of tomlj in this package, kept in one class so that tomlj (and the ANTLR runtime under
 * it, about 90 ms to warm up in a cold process) is loaded only when the fast reading cannot vouch for
 * a file: malformed TOML, whose first error tomlj words and places, or a layout the position scan does
 * not follow.
 */
final class Tomlj {
    private Tomlj() {
    }

    /**
     * tomlj's reading of {@code text} as a {@link DenyTable}.
     *
     * @throws InputException at tomlj's first syntax error ({@code invalid TOML: ...})
     */
    static DenyTable read(String text, String displayPath) {
        dev.tollgate.inputs.io.TomlNesting.check(text, displayPath);
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError first = toml.errors().get(0);
            int line = first.position() == null ? 0 : first.position().line();
            int column = first.position() == null ? 0 : first.position().column();
            throw new InputException(displayPath, line, column, "invalid TOML: " + first.getMessage(), first);
        }
        return new Converter(displayPath, text).table(toml);
    }

    /** Copies tomlj's tree, turning its positions into {@link Location}s. */
    private static final class Converter {
        private final String file;
        private final List<String> lines;

        Converter(String file, String text) {
            this.file = file;
            this.lines = text.lines().toList();
        }

        DenyTable table(TomlTable table) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Location> positions = new LinkedHashMap<>();
            for (String key : table.keySet()) {
                List<String> path = List.of(key);
                values.put(key, value(table.get(path)));
                positions.put(key, of(table.inputPositionOf(path)));
            }
            return new DenyTable(file, values, positions);
        }

        private DenyArray array(TomlArray array) {
            List<Object> values = new ArrayList<>(array.size());
            List<Location> positions = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                values.add(value(array.get(i)));
                positions.add(element(array.inputPositionOf(i)));
            }
            return new DenyArray(file, values, positions);
        }

        private Object value(Object v) {
            if (v instanceof TomlTable t) return table(t);
            if (v instanceof TomlArray a) return array(a);
            return v;
        }

        /**
         * tomlj places an array element where the parser resumed after the previous token: just past
         * {@code [} or the previous element's comma, often on the line before the element. Skipping
         * whitespace, line breaks and comments from there reaches the element itself. tomlj counts
         * columns in code points, so the walk converts to string indexes and back.
         */
        private Location element(TomlPosition p) {
            if (p == null) return Location.file(file);
            int line = p.line() - 1;
            if (line >= lines.size()) return of(p);
            String first = lines.get(line);
            int at = p.column() - 1 >= first.codePointCount(0, first.length())
                    ? first.length() : first.offsetByCodePoints(0, p.column() - 1);
            while (line < lines.size()) {
                String text = lines.get(line);
                if (at >= text.length() || text.charAt(at) == '#') {
                    line++;
                    at = 0;
                } else if (Character.isWhitespace(text.charAt(at))) {
                    at++;
                } else {
                    return Location.of(file, line + 1, text.codePointCount(0, at) + 1);
                }
            }
            return of(p);
        }

        private Location of(TomlPosition p) {
            return p == null ? Location.file(file) : Location.of(file, p.line(), p.column());
        }
    }
}
