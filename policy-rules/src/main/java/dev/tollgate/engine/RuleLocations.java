package dev.tollgate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each loaded rule is written ({@code FILE:LINE} of its {@code rule} keyword), for the findings
 * the engine makes about a rule at run time (an exception, a deleted finding, a budget). The compiled
 * models know a rule's name and package but not its line, so the DRL text is read again, only when
 * such a finding is made.
 */
final class RuleLocations {
    private static final Pattern RULE = Pattern.compile(
            "^[ \\t]*rule[ \\t]+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([^\\s\"']+))", Pattern.MULTILINE);

    /** One loaded rule file: how findings name it, and its text (null: read {@code resource} from the class path). */
    record Source(String display, String text, String resource) {
    }

    /** A rule's place; {@code line} is 0 when the rule was not found in the text. */
    record Where(String file, int line) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line : file;
        }
    }

    private final List<Source> sources;
    private final ClassLoader loader;
    private volatile Map<String, Where> index;

    RuleLocations(List<Source> sources, ClassLoader loader) {
        this.sources = List.copyOf(sources);
        this.loader = loader;
    }

    /** Where rule {@code name} of package {@code pkg} is written, or null when no loaded file declares it. */
    Where of(String pkg, String name) {
        Map<String, Where> idx = index;
        if (idx == null) {
            idx = build();
            index = idx;
        }
        Where w = idx.get(key(pkg, name));
        return w != null ? w : idx.get(key(null, name));
    }

    private Map<String, Where> build() {
        Map<String, Where> idx = new HashMap<>();
        for (Source s : sources) {
            String text = s.text() != null ? s.text() : read(s.resource());
            if (text == null) continue;
            String clean = RuleFile.stripComments(text);
            String pkg = new RuleFile(s.display(), s.display(), text).drlPackage();
            Matcher m = RULE.matcher(clean);
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                Where w = new Where(s.display(), line(clean, m.start()));
                idx.putIfAbsent(key(pkg, name), w);
                idx.putIfAbsent(key(null, name), w);
            }
        }
        return idx;
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String key(String pkg, String name) {
        return (pkg == null ? "" : pkg) + '\u0000' + name;
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        // the match may start with the indentation of the rule line, never an earlier line
        return line;
    }
}
