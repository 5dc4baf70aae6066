package dev.tollgate.inputs.cargo;

import dev.tollgate.inputs.io.ContentCache;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.io.TomlNesting;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.Source;
import dev.tollgate.inputs.io.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code Cargo.lock} in formats 1 to 4 into {@link LockedPackage}s.
 *
 * <p>Speed matters here: the lockfile is the largest TOML input of a check (12k lines for a
 * 1,300-package workspace) and the CLI runs cold once per CI job. jackson-dataformat-toml's token
 * stream reads it several times faster than tomlj but reports no positions, so each package's line comes from
 * scanning the text for {@code [[package]]} header lines and pairing the n-th header with the n-th
 * array element. That pairing is only trusted when it cannot be fooled: the counts must match and the
 * file must hold no multi-line string (the one place a header-looking line may sit inside a value).
 * Otherwise tomlj, slower but exact, gives the positions. Cargo never writes either, so the fast path is
 * the one real lockfiles take.
 *
 * <p>Formats: v1 (no {@code version} key, dependencies always {@code "name version (source)"},
 * checksums in {@code [metadata]} as {@code "checksum NAME VERSION (SOURCE)" = "hash"}), v2 (no
 * {@code version} key, dependencies shortened to {@code "name"} or {@code "name version"} where that
 * is unambiguous, checksums inline), v3 and v4 ({@code version = 3 / 4}, otherwise as v2). Without a
 * {@code version} key, the format is 2 when any package has an inline checksum and 1 otherwise, which
 * is how Cargo itself tells them apart. Dependency strings of every form are accepted in every format.
 */
public final class CargoLockReader {
    /** The newest lockfile format understood. */
    public static final int MAX_VERSION = 4;

    private static final TomlFactory TOML = new TomlFactory();
    private static final String NO_CHECKSUM = "<none>";

    private CargoLockReader() {
    }

    /** Parsed lockfiles by text and name, for the next check in this JVM ({@link ContentCache}: keyed by SHA-256). */
    private static final ContentCache<ContentCache.TextKey, CargoLock> PARSED = new ContentCache<>(8);

    /**
     * Reads a lockfile.
     *
     * @param displayPath how findings and errors name the file (relative to the repository root)
     * @throws InputException when the file is missing, is not TOML, or is not a lockfile Cargo would accept
     */
    public static CargoLock read(Path file, String displayPath) {
        String text = InputFiles.readText(file, displayPath, InputFiles.Kind.LOCKFILE);
        return ContentCache.parseText(PARSED, displayPath, text, () -> parse(text, displayPath));
    }

    /** Reads lockfile text; see {@link #read(Path, String)}. */
    public static CargoLock parse(String text, String displayPath) {
        return parse(text, displayPath, true);
    }

    /** As {@link #parse(String, String)}; {@code subset} false always takes the general TOML path (tests compare both). */
    static CargoLock parse(String text, String displayPath, boolean subset) {
        Subset fast = subset ? Subset.read(text) : null;
        Document doc;
        int[] headerLines;
        if (fast != null) {
            doc = fast.doc;
            headerLines = fast.headerLines;
        } else {
            TomlNesting.check(text, displayPath);
            try (JsonParser parser = TOML.createParser(text)) {
                doc = Document.read(parser);
            } catch (JacksonException e) {
                throw malformed(text, displayPath, e);
            } catch (IOException e) {
                throw new InputException(displayPath, 0, 0, "cannot parse: " + e.getMessage(), e);
            }
            headerLines = null;
        }
        TextLines lines = new TextLines(text);
        if (doc.badVersion != null) {
            int line = lines.firstMatchBeforeTables(
                    Pattern.compile("^[ \\t]*version[ \\t]*=", Pattern.MULTILINE | Pattern.UNIX_LINES));
            throw new InputException(displayPath, line, line > 0 ? 1 : 0, "unsupported lockfile version "
                    + doc.badVersion + " (this reader understands 1 to " + MAX_VERSION + ")");
        }
        if (doc.packagesNotArray) {
            throw new InputException(displayPath, 0, 0, "`package` is not an array of tables");
        }
        if (headerLines == null) headerLines = headerLines(text, doc.packages.size());
        List<Raw> raws = new ArrayList<>(doc.packages.size());
        Map<String, Source> sources = new HashMap<>();
        boolean inlineChecksums = false;
        for (int i = 0; i < doc.packages.size(); i++) {
            Raw raw = validate(doc.packages.get(i), headerLines[i], nextLine(headerLines, i), lines,
                    displayPath, sources);
            inlineChecksums |= raw.checksum != null;
            raws.add(raw);
        }
        int version = doc.version != 0 ? doc.version : inlineChecksums ? 2 : 1;

        // Plain loops and String.concat below rather than streams, lambdas and `+`: each of those
        // bootstraps through invokedynamic on first use, which a cold process pays for in milliseconds.
        List<String> names = new ArrayList<>(raws.size());
        List<String> versions = new ArrayList<>(raws.size());
        List<String> sourceRaws = new ArrayList<>(raws.size());
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            names.add(r.name);
            versions.add(r.version);
            sourceRaws.add(r.sourceRaw);
            List<Integer> same = byName.get(r.name);
            if (same == null) byName.put(r.name, same = new ArrayList<>(1));
            same.add(i);
        }
        List<String> ids = PackageIds.assign(names, versions, sourceRaws);
        List<LockedPackage> packages = new ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            List<String> deps = new ArrayList<>(r.dependencies.size());
            for (String dep : r.dependencies) {
                deps.add(ids.get(resolve(dep, r, raws, byName, lines, displayPath)));
            }
            String checksum = r.checksum;
            if (checksum == null && !doc.v1Checksums.isEmpty()) {
                checksum = doc.v1Checksums.get(r.name.concat(" ").concat(r.version).concat(" (")
                        .concat(r.sourceRaw == null ? "" : r.sourceRaw).concat(")"));
            }
            if (NO_CHECKSUM.equals(checksum)) checksum = "";
            packages.add(new LockedPackage(ids.get(i), r.name, r.version, r.source, checksum, false, deps,
                    Location.of(displayPath, r.line, r.line > 0 ? 1 : 0)));
        }
        return new CargoLock(version, packages, displayPath);
    }

    /**
     * The parts of the lockfile this reader uses, taken from jackson's token stream. Streaming
     * rather than {@code readTree} spares the ObjectMapper set-up, which costs a cold process more
     * than parsing the file does (see the test-side CargoParseBench). Wrong shapes are noted, not
     * thrown, so that they can be reported with the line that only the later header scan knows.
     */
    private static final class Document {
        int version;
        String badVersion;
        boolean packagesNotArray;
        final List<Entry> packages = new ArrayList<>();
        final Map<String, String> v1Checksums = new HashMap<>();

        static Document read(JsonParser p) throws IOException {
            Document doc = new Document();
            if (p.nextToken() != JsonToken.START_OBJECT) return doc;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "version" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                && p.getLongValue() >= 1 && p.getLongValue() <= MAX_VERSION) {
                            doc.version = (int) p.getLongValue();
                        } else {
                            doc.badVersion = value == JsonToken.VALUE_STRING ? InputFiles.quote(p.getText()) : p.getText();
                            p.skipChildren();
                        }
                    }
                    case "package" -> {
                        if (value != JsonToken.START_ARRAY) {
                            doc.packagesNotArray = true;
                            p.skipChildren();
                        } else {
                            while (p.nextToken() != JsonToken.END_ARRAY) doc.packages.add(Entry.read(p));
                        }
                    }
                    case "metadata" -> {
                        if (value == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String k = p.currentName();
                                if (p.nextToken() == JsonToken.VALUE_STRING && k.startsWith("checksum ")) {
                                    doc.v1Checksums.put(k.substring("checksum ".length()), p.getText());
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return doc;
        }
    }

    /**
     * The lockfile read line by line, for the subset of TOML that Cargo writes, or null when the text holds
     * anything else (then the general path, jackson-dataformat-toml with the nesting pre-scan and tomlj for
     * errors, reads it, so a malformed file is still reported at its line). The subset, checked strictly:
     * comment and blank lines; {@code version = N} (1 to {@link #MAX_VERSION}) before any table;
     * {@code [[package]]} tables holding {@code name}, {@code version}, {@code source} and {@code checksum} as
     * basic strings and {@code dependencies} as an array of basic strings, one per line, each followed by a
     * comma (or {@code []}); one {@code [metadata]} table of quoted keys with basic-string values (format 1's
     * checksums). A basic string here holds no escape and no control character, so its text is its value. A
     * key defined twice, any other key or table, a lone carriage return, or anything after a value makes the
     * text fall back. What this reads is what the general path reads, and the {@code [[package]]} lines come
     * with it (no header scan); nesting is at most one array deep, so the pre-scan has nothing to find.
     *
     * <p>Why: on a 100,000-crate lockfile (25 MB) jackson's TOML parser builds the whole document as a tree
     * before the first token is streamed, and with the nesting pre-scan and the header scan that was most of
     * the reading time (docs/performance.md, scale).
     */
    static final class Subset {
        final Document doc = new Document();
        int[] headerLines = new int[64];
        private final String text;
        private int pos;
        private int line;

        private Subset(String text) {
            this.text = text;
        }

        static Subset read(String text) {
            Subset s = new Subset(text);
            return s.parse() ? s : null;
        }

        private boolean parse() {
            int n = 0;
            Entry entry = null;
            int seen = 0;
            boolean inMetadata = false;
            boolean metadataSeen = false;
            boolean anyTable = false;
            java.util.Set<String> metadataKeys = null;
            int len = text.length();
            while (pos < len) {
                line++;
                int end = text.indexOf('\n', pos);
                if (end < 0) end = len;
                int stop = stop(pos, end, len);
                int next = end + 1;
                int i = skipBlanks(text, pos);
                if (i >= stop || text.charAt(i) == '#') {
                    if (i < stop && !commentOk(i + 1, stop)) return false;
                    pos = next;
                    continue;
                }
                if (i != pos) return false; // Cargo indents only array items
                char c = text.charAt(i);
                if (c == '[') {
                    if (text.startsWith("[[package]]", i) && i + 11 == stop) {
                        if (n == headerLines.length) headerLines = Arrays.copyOf(headerLines, n * 2);
                        headerLines[n++] = line;
                        entry = new Entry();
                        seen = 0;
                        doc.packages.add(entry);
                        inMetadata = false;
                    } else if (text.startsWith("[metadata]", i) && i + 10 == stop && !metadataSeen) {
                        metadataSeen = true;
                        inMetadata = true;
                        metadataKeys = new java.util.HashSet<>();
                        entry = null;
                    } else {
                        return false;
                    }
                    anyTable = true;
                    pos = next;
                    continue;
                }
                if (inMetadata) {
                    if (c != '"') return false;
                    int close = stringEnd(i + 1, stop);
                    if (close < 0) return false;
                    String key = text.substring(i + 1, close);
                    int v = equalsSign(close + 1, stop);
                    if (v < 0 || text.charAt(v) != '"') return false;
                    int vclose = stringEnd(v + 1, stop);
                    if (vclose < 0 || vclose + 1 != stop || !metadataKeys.add(key)) return false;
                    if (key.startsWith("checksum ")) doc.v1Checksums.put(key.substring("checksum ".length()), text.substring(v + 1, vclose));
                    pos = next;
                    continue;
                }
                int k = i;
                while (k < stop && bareKeyChar(text.charAt(k))) k++;
                if (k == i) return false;
                String key = text.substring(i, k);
                int v = equalsSign(k, stop);
                if (v < 0) return false;
                if (entry == null) {
                    // the top level: only `version = N`, once, before any table
                    if (anyTable || !key.equals("version") || doc.version != 0) return false;
                    int d = v;
                    while (d < stop && text.charAt(d) >= '0' && text.charAt(d) <= '9') d++;
                    if (d != stop || d - v != 1 || text.charAt(v) < '1' || text.charAt(v) - '0' > MAX_VERSION) return false;
                    doc.version = text.charAt(v) - '0';
                    pos = next;
                    continue;
                }
                int bit = switch (key) {
                    case "name" -> 1;
                    case "version" -> 2;
                    case "source" -> 4;
                    case "checksum" -> 8;
                    case "dependencies" -> 16;
                    default -> 0;
                };
                if (bit == 0 || (seen & bit) != 0) return false;
                seen |= bit;
                if (bit == 16) {
                    if (text.charAt(v) != '[') return false;
                    if (v + 2 == stop && text.charAt(v + 1) == ']') {
                        entry.dependencies = new ArrayList<>(0);
                        pos = next;
                        continue;
                    }
                    if (v + 1 != stop) return false;
                    pos = next;
                    List<String> deps = readItems();
                    if (deps == null) return false;
                    entry.dependencies = deps;
                    continue;
                }
                if (text.charAt(v) != '"') return false;
                int close = stringEnd(v + 1, stop);
                if (close < 0 || close + 1 != stop) return false;
                String value = text.substring(v + 1, close);
                switch (bit) {
                    case 1 -> entry.name = value;
                    case 2 -> entry.version = value;
                    case 4 -> entry.source = value;
                    default -> entry.checksum = value;
                }
                pos = next;
            }
            headerLines = Arrays.copyOf(headerLines, n);
            return true;
        }

        /** The items of a multi-line array after its opening line, through its closing line; null outside the subset. */
        private List<String> readItems() {
            List<String> items = new ArrayList<>();
            int len = text.length();
            while (pos < len) {
                line++;
                int end = text.indexOf('\n', pos);
                if (end < 0) end = len;
                int stop = stop(pos, end, len);
                int i = skipBlanks(text, pos);
                pos = end + 1;
                if (i < stop && text.charAt(i) == ']') return i + 1 == stop ? items : null;
                if (i >= stop || text.charAt(i) != '"') return null;
                int close = stringEnd(i + 1, stop);
                if (close < 0 || close + 2 != stop || text.charAt(close + 1) != ',') return null;
                items.add(text.substring(i + 1, close));
            }
            return null;
        }

        /**
         * The end of the line's content: before a carriage return only when a newline follows it (CRLF). A carriage
         * return that ends the text is a lone one, which TOML refuses: it stays in the line, so the line falls back.
         */
        private int stop(int pos, int end, int len) {
            return end < len && end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
        }

        /** The closing quote of a basic string opened before {@code from}, or -1: no escape, no control character, on this line. */
        private int stringEnd(int from, int stop) {
            for (int i = from; i < stop; i++) {
                char c = text.charAt(i);
                if (c == '"') return i;
                if (c == '\\' || c < 0x20 && c != '\t' || c == 0x7f) return -1;
            }
            return -1;
        }

        /** The start of the value after {@code key = } (blanks around the sign), or -1. */
        private int equalsSign(int from, int stop) {
            int i = skipBlanks(text, from);
            if (i >= stop || text.charAt(i) != '=') return -1;
            i = skipBlanks(text, i + 1);
            return i < stop ? i : -1;
        }

        /** A comment holds no control character but tab (TOML); a carriage return only before the newline. */
        private boolean commentOk(int from, int stop) {
            for (int i = from; i < stop; i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) return false;
            }
            return true;
        }

        private static boolean bareKeyChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }
    }

    /** One {@code [[package]]} table as written, before validation; {@code problem} names a wrong shape. */
    private static final class Entry {
        String name;
        String version;
        String source;
        String checksum;
        List<String> dependencies = List.of();
        String problem;

        /** Reads the value at the current token, which should open a table. */
        static Entry read(JsonParser p) throws IOException {
            Entry e = new Entry();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                e.problem = "[[package]] is not a table";
                p.skipChildren();
                return e;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "name", "version", "source", "checksum" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            e.note("`" + key + "` is not a string");
                            p.skipChildren();
                        } else {
                            String text = p.getText();
                            switch (key) {
                                case "name" -> e.name = text;
                                case "version" -> e.version = text;
                                case "source" -> e.source = text;
                                default -> e.checksum = text;
                            }
                        }
                    }
                    case "dependencies" -> {
                        if (value != JsonToken.START_ARRAY) {
                            e.note("`dependencies` is not an array");
                            p.skipChildren();
                        } else {
                            List<String> deps = new ArrayList<>();
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                if (p.currentToken() == JsonToken.VALUE_STRING) {
                                    deps.add(p.getText());
                                } else {
                                    e.note("a dependency is not a string");
                                    p.skipChildren();
                                }
                            }
                            e.dependencies = deps;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return e;
        }

        private void note(String problem) {
            if (this.problem == null) this.problem = problem;
        }

        String describe() {
            return name == null ? "a package" : "package " + name + (version == null ? "" : " " + version);
        }
    }

    /** One validated {@code [[package]]} entry before ids are assigned; {@code endLine} is exclusive. */
    private record Raw(String name, String version, String sourceRaw, Source source, String checksum,
                       List<String> dependencies, int line, int endLine) {
    }

    private static Raw validate(Entry e, int line, int endLine, TextLines lines, String displayPath,
                                Map<String, Source> sources) {
        int column = line > 0 ? 1 : 0;
        if (e.problem != null) {
            throw new InputException(displayPath, line, column,
                    e.problem.startsWith("[[") ? e.problem : e.problem + " in " + e.describe());
        }
        if (e.name == null || e.name.isBlank()) {
            throw new InputException(displayPath, line, column, "package without a name");
        }
        if (e.version == null || e.version.isBlank()) {
            throw new InputException(displayPath, line, column, "package " + e.name + " without a version");
        }
        String sourceRaw = e.source == null || e.source.isEmpty() ? null : e.source;
        Source source = Source.LOCAL;
        if (sourceRaw != null) {
            source = sources.get(sourceRaw);
            if (source == null) {
                try {
                    source = SourceParser.parse(sourceRaw);
                } catch (IllegalArgumentException ex) {
                    Location at = lines.find(InputFiles.quote(sourceRaw), line, endLine, displayPath);
                    throw new InputException(displayPath, at.line(), at.column(),
                            "unknown source kind " + InputFiles.quote(sourceRaw) + " of " + e.describe()
                                    + " (expected registry+, sparse+ or git+)");
                }
                sources.put(sourceRaw, source);
            }
        }
        return new Raw(e.name, e.version, sourceRaw, source, e.checksum, e.dependencies, line, endLine);
    }

    /**
     * The index of the package a dependency string names: {@code "name"} (the only package of that
     * name), {@code "name version"} or {@code "name version (source)"}.
     */
    private static int resolve(String dep, Raw from, List<Raw> raws, Map<String, List<Integer>> byName,
                               TextLines lines, String displayPath) {
        String name;
        String version = null;
        String source = null;
        int sp = dep.indexOf(' ');
        if (sp < 0) {
            name = dep;
        } else {
            name = dep.substring(0, sp);
            String rest = dep.substring(sp + 1);
            int sp2 = rest.indexOf(' ');
            if (sp2 < 0) {
                version = rest;
            } else {
                version = rest.substring(0, sp2);
                String s = rest.substring(sp2 + 1);
                if (!s.startsWith("(") || !s.endsWith(")")) throw badDependency(dep, from, "is malformed", lines, displayPath);
                source = s.substring(1, s.length() - 1);
            }
        }
        List<Integer> candidates = byName.getOrDefault(name, List.of());
        int found = -1;
        int count = 0;
        for (int i : candidates) {
            Raw c = raws.get(i);
            if (version != null && !version.equals(c.version)) continue;
            if (source != null && !source.equals(c.sourceRaw == null ? "" : c.sourceRaw)) continue;
            found = i;
            count++;
        }
        if (count == 0) throw badDependency(dep, from, "names no locked package", lines, displayPath);
        if (count > 1) throw badDependency(dep, from, "is ambiguous: " + count + " locked packages match", lines, displayPath);
        return found;
    }

    private static InputException badDependency(String dep, Raw from, String problem, TextLines lines, String displayPath) {
        Location at = lines.find(InputFiles.quote(dep), from.line, from.endLine, displayPath);
        return new InputException(displayPath, at.line(), at.column(),
                "dependency " + InputFiles.quote(dep) + " of " + from.name + " " + from.version + " " + problem);
    }

    /**
     * The line of each {@code [[package]]} header, in order. See the class comment for when the text
     * scan is trusted; otherwise tomlj's positions are used, and where even tomlj cannot place a
     * package (it rejects something jackson accepted) the line is left unknown rather than guessed.
     */
    static int[] headerLines(String text, int expected) {
        int[] scanned = scanHeaders(text);
        if (scanned != null && scanned.length == expected) return scanned;
        return Tomlj.arrayTableLines(text, "package", expected);
    }

    /**
     * Header lines found by scanning, or null when the text holds a multi-line string. Hops from line
     * to line with {@code indexOf} and looks only at line starts: a regex (or a loop over every
     * character) costs a cold JVM tens of milliseconds on a large lockfile.
     */
    static int[] scanHeaders(String text) {
        if (text.contains("\"\"\"") || text.contains("'''")) return null;
        int[] out = new int[64];
        int n = 0;
        int line = 1;
        for (int pos = 0; pos < text.length(); line++) {
            if (isPackageHeader(text, pos)) {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = line;
            }
            int nl = text.indexOf('\n', pos);
            if (nl < 0) break;
            pos = nl + 1;
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether the line starting at {@code pos} opens with {@code [[package]]}, blanks allowed around the name. */
    private static boolean isPackageHeader(String text, int pos) {
        pos = skipBlanks(text, pos);
        if (!text.startsWith("[[", pos)) return false;
        pos = skipBlanks(text, pos + 2);
        if (!text.startsWith("package", pos)) return false;
        pos = skipBlanks(text, pos + "package".length());
        return text.startsWith("]]", pos);
    }

    private static int skipBlanks(String text, int pos) {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
        return pos;
    }

    /** The exclusive end line of package {@code i}'s block, or 0 (end of file) for the last one or when unknown. */
    private static int nextLine(int[] headerLines, int i) {
        return i + 1 < headerLines.length ? headerLines[i + 1] : 0;
    }

    /**
     * A malformed lockfile. jackson's positions point where its lexer stopped (sometimes a line late,
     * as for duplicate keys), so tomlj re-parses the text to describe the first error; jackson's own
     * position is the fallback when tomlj finds nothing wrong.
     */
    private static InputException malformed(String text, String displayPath, JacksonException e) {
        InputException described = Tomlj.syntaxError(text, displayPath, e);
        if (described != null) return described;
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        return new InputException(displayPath, line, column, "malformed TOML: " + InputException.parserMessage(e), e);
    }
}
