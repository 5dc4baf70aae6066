package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.Location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key and array element of TOML text starts, for jackson-dataformat-toml, which gives
 * values but no positions. The scan follows the structure of the text (headers, key paths, strings,
 * arrays and inline tables, line breaks and comments) without decoding values, and records each
 * position as tomlj reports it (see {@link DenyTable} and {@link DenyArray}), so that either reading
 * yields the same tree. {@link FastReading} then checks that the scan's tree has exactly the shape of
 * jackson's before it trusts a single position.
 *
 * <p>The scan gives up (returns null, and the file goes to tomlj) on anything it does not follow or
 * where the two parsers could disagree about what is valid: a multi-line string anywhere, a control
 * character, a byte order mark, a lone carriage return, an escape that is not a Unicode scalar value,
 * and every way of adding to a table after it was written except those TOML allows (a header for a
 * table below one that is not inline, a header defining a table an earlier header only implied, more
 * dotted keys into a table made by dotted keys). jackson accepts, for instance, a dotted key that
 * extends a table defined by a header, which tomlj (and the TOML specification) rejects; giving up
 * there keeps such a file an error.
 */
final class PositionScan {
    /** How a table came to exist, which decides what may add to it later. */
    enum Kind {
        /** Implied by a header's path ({@code a} for {@code [a.b]}); a later {@code [a]} may still define it. */
        IMPLICIT,
        /** Defined by a header, or an entry of a {@code [[...]]} array (the root counts as one). */
        EXPLICIT,
        /** Created by a dotted key ({@code a} in {@code a.b = 1}). */
        DOTTED,
        /** An inline table, closed once written. */
        INLINE
    }

    /** A table as the scan saw it: each key's entry in file order. */
    static final class Table {
        private Kind kind;
        final Map<String, Entry> entries = new LinkedHashMap<>();

        private Table(Kind kind) {
            this.kind = kind;
        }
    }

    /** An array as the scan saw it; {@code ofTables} for one made of {@code [[...]]} headers. */
    static final class Array {
        private final boolean ofTables;
        final List<Entry> elements = new ArrayList<>();

        private Array(boolean ofTables) {
            this.ofTables = ofTables;
        }
    }

    /**
     * A key or array element: where it starts, and the {@link Table} or {@link Array} it holds, or
     * null for any other value.
     */
    record Entry(Location at, Object node) {
    }

    /** Thrown (and caught within this class) where the scan gives up. */
    private static final class Unfollowed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unfollowed() {
            super(null, null, false, false);
        }
    }

    private final String s;
    private final String file;
    private int i;
    private int line = 1;
    private int lineStart;

    private PositionScan(String s, String file) {
        this.s = s;
        this.file = file;
    }

    /** The root table of {@code text} with every position, or null when the scan cannot vouch for them. */
    static Table scan(String text, String file) {
        if (text.contains("\"\"\"") || text.contains("'''")) return null;
        try {
            return new PositionScan(text, file).document();
        } catch (Unfollowed e) {
            return null;
        }
    }

    /**
     * A dotted key as TOML writes it ({@code licenses.allow}, {@code "a.b".c}) as a path of single keys.
     *
     * @throws IllegalArgumentException when {@code dottedKey} is not a valid TOML key
     */
    static List<String> dottedKey(String dottedKey) {
        PositionScan p = new PositionScan(dottedKey, "");
        try {
            List<String> path = p.keyPath();
            if (p.atEnd()) return path;
        } catch (Unfollowed e) {
            // reported below
        }
        throw new IllegalArgumentException("not a TOML key: " + dottedKey);
    }

    private Table document() {
        Table root = new Table(Kind.EXPLICIT);
        Table current = root;
        while (true) {
            blanks();
            if (atEnd()) return root;
            char c = peek();
            if (c == '[') {
                current = header(root);
            } else if (c != '#' && c != '\n' && c != '\r') {
                keyValue(current);
            }
            lineEnd();
        }
    }

    /** {@code [a.b]} or {@code [[a.b]]}: the table that following key lines write to. */
    private Table header(Table root) {
        Location at = here();
        i++;
        boolean array = !atEnd() && peek() == '[';
        if (array) i++;
        List<String> path = keyPath();
        expect(']');
        if (array) expect(']');
        Table parent = parentOf(root, path, at);
        String last = path.get(path.size() - 1);
        Entry e = parent.entries.get(last);
        if (array) {
            Array entries;
            if (e == null) {
                entries = new Array(true);
                parent.entries.put(last, new Entry(at, entries));
            } else if (e.node() instanceof Array a && a.ofTables) {
                entries = a;
            } else {
                throw new Unfollowed();
            }
            Table entry = new Table(Kind.EXPLICIT);
            entries.elements.add(new Entry(at, entry));
            return entry;
        }
        if (e == null) {
            Table t = new Table(Kind.EXPLICIT);
            parent.entries.put(last, new Entry(at, t));
            return t;
        }
        if (e.node() instanceof Table t && t.kind == Kind.IMPLICIT) {
            // tomlj moves an implied table's position to the header that finally defines it
            t.kind = Kind.EXPLICIT;
            parent.entries.put(last, new Entry(at, t));
            return t;
        }
        throw new Unfollowed();
    }

    /** The table a header's last key belongs to, implying the tables its path passes through. */
    private static Table parentOf(Table root, List<String> path, Location at) {
        Table t = root;
        for (String key : path.subList(0, path.size() - 1)) {
            Entry e = t.entries.get(key);
            if (e == null) {
                Table implied = new Table(Kind.IMPLICIT);
                t.entries.put(key, new Entry(at, implied));
                t = implied;
            } else if (e.node() instanceof Table sub && sub.kind != Kind.INLINE) {
                // a header may add a table below one made by dotted keys ([bans] build.x = 1, [[bans.build.bypass]])
                t = sub;
            } else if (e.node() instanceof Array a && a.ofTables) {
                t = (Table) a.elements.get(a.elements.size() - 1).node();
            } else {
                throw new Unfollowed();
            }
        }
        return t;
    }

    /** {@code key.path = value}, in a table section or inside an inline table. */
    private void keyValue(Table table) {
        Location at = here();
        List<String> path = keyPath();
        expect('=');
        blanks();
        Object node = value();
        Table t = table;
        for (String key : path.subList(0, path.size() - 1)) {
            Entry e = t.entries.get(key);
            if (e == null) {
                Table dotted = new Table(Kind.DOTTED);
                t.entries.put(key, new Entry(at, dotted));
                t = dotted;
            } else if (e.node() instanceof Table sub && sub.kind == Kind.DOTTED) {
                t = sub;
            } else {
                throw new Unfollowed();
            }
        }
        String last = path.get(path.size() - 1);
        if (t.entries.containsKey(last)) throw new Unfollowed();
        t.entries.put(last, new Entry(at, node));
    }

    /** Skips one value: a Table or Array for containers, null for anything else. */
    private Object value() {
        switch (peek()) {
            case '"' -> basicString();
            case '\'' -> literalString();
            case '[' -> {
                return array();
            }
            case '{' -> {
                return inlineTable();
            }
            default -> scalar();
        }
        return null;
    }

    private Array array() {
        Array array = new Array(false);
        i++;
        while (true) {
            arrayBlanks();
            if (peek() == ']') break;
            Location at = here();
            array.elements.add(new Entry(at, value()));
            arrayBlanks();
            if (peek() != ',') break;
            i++;
        }
        expect(']');
        return array;
    }

    private Table inlineTable() {
        Table table = new Table(Kind.INLINE);
        i++;
        blanks();
        if (peek() != '}') {
            while (true) {
                blanks();
                keyValue(table);
                blanks();
                if (peek() != ',') break;
                i++;
            }
        }
        expect('}');
        return table;
    }

    /**
     * A number, boolean, date or time: its syntax is jackson's to check, the scan only needs its end.
     * A date and a time may be separated by a space ({@code 1979-05-27 07:32:00}).
     */
    private void scalar() {
        int start = i;
        while (!atEnd() && isScalar(peek())) i++;
        if (i == start) throw new Unfollowed();
        boolean date = i - start >= 10 && isDate(start);
        if (i - start == 10 && date && i + 1 < s.length() && s.charAt(i) == ' ' && isDigit(s.charAt(i + 1))) {
            i++;
            while (!atEnd() && isScalar(peek())) i++;
        }
        // tomlj 1.1.1 rejects a date or time closed by ] or } with nothing between ([1979-05-27]), valid
        // as that is; tomlj decides those files, so that both readings accept and reject the same texts
        if ((date || isTime(start)) && !atEnd() && (peek() == ']' || peek() == '}')) throw new Unfollowed();
    }

    /** Whether the scalar from {@code start} to here holds a colon, as only times do. */
    private boolean isTime(int start) {
        for (int k = start; k < i; k++) {
            if (s.charAt(k) == ':') return true;
        }
        return false;
    }

    private boolean isDate(int start) {
        for (int k = 0; k < 10; k++) {
            char c = s.charAt(start + k);
            if (k == 4 || k == 7 ? c != '-' : !isDigit(c)) return false;
        }
        return true;
    }

    /** A key path of bare, "basic" and 'literal' keys separated by dots, with the blanks around them. */
    private List<String> keyPath() {
        List<String> path = new ArrayList<>();
        while (true) {
            blanks();
            path.add(key());
            blanks();
            if (atEnd() || peek() != '.') return path;
            i++;
        }
    }

    private String key() {
        char c = peek();
        if (c == '"') return basicString();
        if (c == '\'') return literalString();
        int start = i;
        while (!atEnd() && isBare(peek())) i++;
        if (i == start) throw new Unfollowed();
        return s.substring(start, i);
    }

    /** A single-line "basic" string, decoded (keys need their value; values are jackson's). */
    private String basicString() {
        StringBuilder out = new StringBuilder();
        i++;
        while (true) {
            char c = peek();
            i++;
            if (c == '"') return out.toString();
            if (c != '\\') {
                if (isControl(c)) throw new Unfollowed();
                out.append(c);
                continue;
            }
            char e = peek();
            i++;
            switch (e) {
                case 'b' -> out.append('\b');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case '"', '\\' -> out.append(e);
                case 'u' -> out.appendCodePoint(scalarValue(4));
                case 'U' -> out.appendCodePoint(scalarValue(8));
                default -> throw new Unfollowed();
            }
        }
    }

    /** The code point of a {@code \\u} or {@code \\U} escape, which must be a Unicode scalar value. */
    private int scalarValue(int digits) {
        if (i + digits > s.length()) throw new Unfollowed();
        int cp = 0;
        for (int k = 0; k < digits; k++) {
            cp = cp * 16 + hexDigit(s.charAt(i + k));
            if (cp > Character.MAX_CODE_POINT) throw new Unfollowed();
        }
        i += digits;
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) throw new Unfollowed();
        return cp;
    }

    private String literalString() {
        int start = ++i;
        while (peek() != '\'') {
            if (isControl(peek())) throw new Unfollowed();
            i++;
        }
        return s.substring(start, i++);
    }

    /** After a header or key line: blanks, perhaps a comment, then a line break or the end. */
    private void lineEnd() {
        blanks();
        if (!atEnd() && peek() == '#') comment();
        if (!atEnd()) newline();
    }

    /** Between array elements: blanks, comments and line breaks. */
    private void arrayBlanks() {
        while (true) {
            blanks();
            if (atEnd()) return;
            char c = peek();
            if (c == '#') {
                comment();
            } else if (c == '\n' || c == '\r') {
                newline();
            } else {
                return;
            }
        }
    }

    private void comment() {
        i++;
        while (!atEnd() && peek() != '\n' && peek() != '\r') {
            if (isControl(peek())) throw new Unfollowed();
            i++;
        }
    }

    private void newline() {
        if (peek() == '\r') i++;
        expect('\n');
        line++;
        lineStart = i;
    }

    private void blanks() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) i++;
    }

    private void expect(char c) {
        if (peek() != c) throw new Unfollowed();
        i++;
    }

    private boolean atEnd() {
        return i >= s.length();
    }

    /** The current character; running off the end means the text is cut short, which the scan does not follow. */
    private char peek() {
        if (i >= s.length()) throw new Unfollowed();
        return s.charAt(i);
    }

    /** Lines and columns as tomlj counts them: from 1, a column per code point, a tab is one column. */
    private Location here() {
        return Location.of(file, line, s.codePointCount(lineStart, i) + 1);
    }

    /** Control characters other than tab are invalid in TOML strings and comments. */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }

    private static boolean isBare(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '_' || c == '-';
    }

    private static boolean isScalar(char c) {
        return isBare(c) || c == '+' || c == '.' || c == ':';
    }

    /** An ASCII hex digit's value ({@link Character#digit} would also take other scripts' digits). */
    private static int hexDigit(char c) {
        if (isDigit(c)) return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        throw new Unfollowed();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
