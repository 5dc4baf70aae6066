package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.Location;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.util.List;

/**
 * Turns tomlj positions into {@link Location}s in one file, so every finding about deny.toml points
 * at the line a user has to edit.
 *
 * <p>tomlj reports a key's position exactly, but an array element's position is where the parser
 * resumed after the previous token: just past {@code [} or the previous element's comma, often on the
 * line before the element. {@link #element} therefore skips whitespace, line breaks and comments from
 * there, which needs the file's text.
 */
public final class TomlLocator {
    private final String file;
    private final List<String> lines;

    TomlLocator(String file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    /** The file name used in every location. */
    public String file() {
        return file;
    }

    /** The position of {@code key} in {@code table} (any table of the parse), or the file when absent. */
    public Location key(TomlTable table, String key) {
        return table == null ? Location.file(file) : of(table.inputPositionOf(List.of(key)));
    }

    /** The position of the key at {@code path} from {@code table}, or the file when absent. */
    public Location path(TomlTable table, List<String> path) {
        return table == null || path.isEmpty() ? Location.file(file) : of(table.inputPositionOf(path));
    }

    /** The position where element {@code index} of {@code array} starts, or the file when unknown. */
    public Location element(TomlArray array, int index) {
        if (array == null || index < 0 || index >= array.size()) return Location.file(file);
        TomlPosition p = array.inputPositionOf(index);
        if (p == null) return Location.file(file);
        int line = p.line() - 1;
        int col = p.column() - 1;
        while (line < lines.size()) {
            String text = lines.get(line);
            if (col >= text.length() || text.charAt(col) == '#') {
                line++;
                col = 0;
            } else if (Character.isWhitespace(text.charAt(col))) {
                col++;
            } else {
                return Location.of(file, line + 1, col + 1);
            }
        }
        return of(p);
    }

    /** A tomlj position in this file; the file alone when tomlj has none. */
    public Location of(TomlPosition p) {
        return p == null ? Location.file(file) : Location.of(file, p.line(), p.column());
    }
}
