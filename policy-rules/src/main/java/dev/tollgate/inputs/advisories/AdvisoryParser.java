package dev.tollgate.inputs.advisories;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.tollgate.api.facts.Advisory;
import dev.tollgate.api.facts.AdvisoryKind;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.cargo.VersionReq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one RustSec advisory file: a {@code ```toml} front matter ({@code [advisory]}, {@code [versions]},
 * {@code [affected]}) followed by Markdown whose first {@code # } heading is the title.
 *
 * <p>A file that does not have that shape is {@link Result#malformed} with the file line of the problem;
 * the database reader turns it into a finding and goes on with the other files.
 */
final class AdvisoryParser {
    private static final TomlFactory TOML = new TomlFactory();
    private static final Pattern ID = Pattern.compile("RUSTSEC-\\d{4}-\\d{4}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The placeholder id of RustSec's template and example advisories. */
    static final String PLACEHOLDER_ID = "RUSTSEC-0000-0000";

    private AdvisoryParser() {
    }

    /** An advisory, a file to skip (withdrawn, placeholder), or a problem at a line. */
    record Result(Advisory advisory, String skipped, int line, String problem) {
        static Result ok(Advisory a) {
            return new Result(a, null, 0, null);
        }

        static Result skip(String why) {
            return new Result(null, why, 0, null);
        }

        static Result malformed(int line, String problem) {
            return new Result(null, null, Math.max(1, line), problem);
        }

        boolean isMalformed() {
            return problem != null;
        }
    }

    /** A problem at a line of the file. */
    private static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        Bad(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /**
     * @param text        the file's text
     * @param displayPath the file as findings name it
     * @param crateDir    the name of the directory holding it ({@code crates/<name>/}), or null
     */
    static Result parse(String text, String displayPath, String crateDir) {
        try {
            return parseOrThrow(text, displayPath, crateDir);
        } catch (Bad b) {
            return Result.malformed(b.line, b.getMessage());
        }
    }

    private static Result parseOrThrow(String text, String displayPath, String crateDir) {
        String[] lines = text.split("\n", -1);
        int open = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) continue;
            if (l.equals("```toml")) open = i;
            break;
        }
        if (open < 0) throw new Bad(1, "an advisory starts with a ```toml front matter");
        int close = -1;
        for (int i = open + 1; i < lines.length; i++) {
            if (lines[i].strip().equals("```")) {
                close = i;
                break;
            }
        }
        if (close < 0) throw new Bad(open + 1, "the ```toml front matter is not closed with ```");
        StringBuilder front = new StringBuilder();
        for (int i = open + 1; i < close; i++) front.append(lines[i]).append('\n');
        int firstLine = open + 2; // file line of the front matter's first line (1-based)
        FrontMatter fm = new FrontMatter(lines, firstLine, close);

        Map<String, Object> root;
        dev.tollgate.inputs.io.TomlNesting.check(front.toString(), displayPath, firstLine, dev.tollgate.inputs.io.TomlNesting.MAX_DEPTH);
        try (JsonParser p = TOML.createParser(front.toString())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new Bad(firstLine, "empty front matter");
            root = readObject(p);
        } catch (JsonProcessingException e) {
            int l = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = dev.tollgate.inputs.io.InputException.parserMessage(e);
            throw new Bad(l > 0 ? firstLine + l - 1 : firstLine, "TOML syntax: " + msg);
        } catch (IOException e) {
            throw new Bad(firstLine, "cannot read the front matter: " + e.getMessage());
        }

        Map<String, Object> adv = table(root, "advisory", fm, true);
        int advLine = fm.tableLine("advisory");
        String id = string(adv, "id", fm, "advisory", true);
        if (!ID.matcher(id).matches()) throw new Bad(fm.keyLine("advisory", "id"), "`id` must look like RUSTSEC-YYYY-NNNN, found `" + id + "`");
        if (id.equals(PLACEHOLDER_ID)) return Result.skip("placeholder id " + PLACEHOLDER_ID);
        String pkg = string(adv, "package", fm, "advisory", true);
        if (crateDir != null && !crateDir.equals(pkg)) {
            throw new Bad(fm.keyLine("advisory", "package"), "`package = \"" + pkg + "\"` in the directory of crate `" + crateDir + "`");
        }
        String date = string(adv, "date", fm, "advisory", true);
        if (!DATE.matcher(date).matches()) throw new Bad(fm.keyLine("advisory", "date"), "`date` must be YYYY-MM-DD, found `" + date + "`");
        String withdrawn = string(adv, "withdrawn", fm, "advisory", false);
        if (withdrawn != null && !DATE.matcher(withdrawn).matches()) {
            throw new Bad(fm.keyLine("advisory", "withdrawn"), "`withdrawn` must be YYYY-MM-DD, found `" + withdrawn + "`");
        }
        String informational = string(adv, "informational", fm, "advisory", false);
        String kind = informational == null ? "vulnerability" : informational.strip();
        if (kind.isEmpty()) throw new Bad(fm.keyLine("advisory", "informational"), "`informational` is empty");
        String cvss = string(adv, "cvss", fm, "advisory", false);
        if (cvss != null && !cvss.startsWith("CVSS:")) throw new Bad(fm.keyLine("advisory", "cvss"), "`cvss` must be a CVSS vector (CVSS:3.x/... or CVSS:4.0/...)");
        String url = string(adv, "url", fm, "advisory", false);
        String source = string(adv, "source", fm, "advisory", false);
        List<String> aliases = strings(adv, "aliases", fm, "advisory");
        List<String> categories = strings(adv, "categories", fm, "advisory");
        List<String> keywords = strings(adv, "keywords", fm, "advisory");
        strings(adv, "related", fm, "advisory");
        strings(adv, "references", fm, "advisory");

        Map<String, Object> versions = table(root, "versions", fm, true);
        List<String> patched = requirements(versions, "patched", fm);
        List<String> unaffected = requirements(versions, "unaffected", fm);

        Map<String, Object> affected = table(root, "affected", fm, false);
        List<String> os = affected == null ? List.of() : strings(affected, "os", fm, "affected");
        List<String> arch = affected == null ? List.of() : strings(affected, "arch", fm, "affected");
        List<String> functions = new ArrayList<>();
        if (affected != null && affected.get("functions") != null) {
            if (!(affected.get("functions") instanceof Map<?, ?> fns)) {
                throw new Bad(fm.keyLine("affected", "functions"), "`functions` must be a table of path = [requirements]");
            }
            for (Map.Entry<?, ?> e : fns.entrySet()) {
                functions.add(String.valueOf(e.getKey()));
                if (!(e.getValue() instanceof List<?> reqs)) {
                    throw new Bad(fm.tableLine("affected.functions"), "function `" + e.getKey() + "` must list version requirements");
                }
                for (Object r : reqs) checkRequirement(r, fm, "affected.functions", String.valueOf(e.getKey()));
            }
        }

        if (withdrawn != null) return Result.skip("withdrawn on " + withdrawn);
        String title = title(lines, close + 1);
        return Result.ok(new Advisory(id, pkg, AdvisoryKind.of(kind), kind, date, url, title, aliases, patched, unaffected, source, cvss,
                false, categories, keywords, os, arch, functions, Location.of(displayPath, advLine, 1)));
    }

    private static String title(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("# ")) return l.substring(2).strip();
        }
        return "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> table(Map<String, Object> root, String name, FrontMatter fm, boolean required) {
        Object v = root.get(name);
        if (v == null) {
            if (required) throw new Bad(fm.firstLine, "the front matter has no [" + name + "] table");
            return null;
        }
        if (!(v instanceof Map)) throw new Bad(fm.keyLine("", name), "`" + name + "` must be a table");
        return (Map<String, Object>) v;
    }

    private static String string(Map<String, Object> t, String key, FrontMatter fm, String table, boolean required) {
        Object v = t.get(key);
        if (v == null) {
            if (required) throw new Bad(fm.tableLine(table), "[" + table + "] has no `" + key + "`");
            return null;
        }
        if (!(v instanceof String s)) throw new Bad(fm.keyLine(table, key), "`" + key + "` must be a string");
        return s;
    }

    private static List<String> strings(Map<String, Object> t, String key, FrontMatter fm, String table) {
        Object v = t.get(key);
        if (v == null) return List.of();
        if (!(v instanceof List<?> list)) throw new Bad(fm.keyLine(table, key), "`" + key + "` must be a list of strings");
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s)) throw new Bad(fm.keyLine(table, key), "`" + key + "` must be a list of strings");
            out.add(s);
        }
        return out;
    }

    private static List<String> requirements(Map<String, Object> versions, String key, FrontMatter fm) {
        List<String> reqs = strings(versions, key, fm, "versions");
        for (String r : reqs) checkRequirement(r, fm, "versions", key);
        return reqs;
    }

    private static void checkRequirement(Object r, FrontMatter fm, String table, String key) {
        if (!(r instanceof String s)) throw new Bad(fm.keyLine(table, key), "`" + key + "` must be a list of version requirements");
        try {
            VersionReq.parse(s);
        } catch (IllegalArgumentException e) {
            throw new Bad(fm.valueLine(table, key, s), e.getMessage());
        }
    }

    /** Streams jackson's TOML tokens into maps and lists. */
    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            m.put(key, readValue(p));
        }
        return m;
    }

    private static Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) return readObject(p);
        if (t == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) list.add(readValue(p));
            return list;
        }
        if (t == JsonToken.VALUE_STRING) return p.getText();
        if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
        if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (t == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
        return p.getText();
    }

    /** Line lookups in the front matter, for positions of problems (a plain scan: tables and keys). */
    private static final class FrontMatter {
        final String[] lines;
        final int firstLine;
        final int closeIndex;

        FrontMatter(String[] lines, int firstLine, int closeIndex) {
            this.lines = lines;
            this.firstLine = firstLine;
            this.closeIndex = closeIndex;
        }

        /** The 1-based file line of {@code [name]}, or the front matter's first line. */
        int tableLine(String name) {
            for (int i = firstLine - 1; i < closeIndex; i++) {
                String l = lines[i].strip();
                if (l.startsWith("[" + name + "]")) return i + 1;
            }
            return firstLine;
        }

        /** The line of {@code key = } inside {@code [table]} ("" for the top level), else the table's line. */
        int keyLine(String table, String key) {
            int start = table.isEmpty() ? firstLine - 1 : tableLine(table);
            for (int i = start; i < closeIndex; i++) {
                String l = lines[i].strip();
                if (i > start && !table.isEmpty() && l.startsWith("[")) break;
                if (l.startsWith(key) && l.substring(key.length()).stripLeading().startsWith("=")) return i + 1;
                if (l.startsWith("\"" + key + "\"")) return i + 1;
            }
            return table.isEmpty() ? firstLine : tableLine(table);
        }

        /** The line holding {@code "value"} from {@code key}'s line on (arrays may span lines). */
        int valueLine(String table, String key, String value) {
            int from = keyLine(table, key);
            String quoted = "\"" + value + "\"";
            for (int i = from - 1; i < closeIndex; i++) {
                if (lines[i].contains(quoted) || lines[i].contains("'" + value + "'")) return i + 1;
            }
            return from;
        }
    }
}
