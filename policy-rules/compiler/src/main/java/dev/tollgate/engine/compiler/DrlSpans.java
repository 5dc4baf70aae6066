package dev.tollgate.engine.compiler;

import dev.tollgate.engine.RuleCheck;
import dev.tollgate.engine.RuleFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a rule file that errors point into: each rule (header to {@code end}), its
 * consequence, and each function's body, found in the text with comments blanked (positions kept).
 * Used to turn what the compiler says about generated Java back into the author's file and line.
 */
final class DrlSpans {
    /** {@code body}: a consequence or a function's body (Java the author wrote); else a whole rule. */
    record Span(int start, int end, String label, String rule, boolean body) {
    }

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]*)\"|'([^']*)'|([\\w-]+))");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\],? ]+?\\s+(\\w+)\\s*\\(");

    /** Comments blanked. */
    final String text;
    /** Comments and the contents of string and character literals blanked. */
    final String blank;
    final List<Span> spans = new ArrayList<>();

    private DrlSpans(String content) {
        this.text = RuleFile.stripComments(content);
        this.blank = blankStrings(text);
        Matcher rm = RULE.matcher(text);
        int from = 0;
        while (from < text.length() && rm.find(from)) {
            String rule = rm.group(2) != null ? rm.group(2) : rm.group(3) != null ? rm.group(3) : rm.group(4);
            Matcher em = END.matcher(text);
            int end = em.find(rm.end()) ? em.end() : text.length();
            String label = "rule \"" + rule + "\"";
            int start = rm.start();
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) start++;
            spans.add(new Span(start, end, label, rule, false));
            Matcher tm = THEN.matcher(text).region(rm.end(), end);
            if (tm.find()) spans.add(new Span(tm.end(), end, label, rule, true));
            from = end;
        }
        Matcher fm = FUNCTION.matcher(text);
        while (fm.find()) {
            int open = text.indexOf('{', fm.end());
            int end = open < 0 ? text.length() : matchingBrace(text, open);
            spans.add(new Span(fm.start(), end, "function " + fm.group(1) + "()", null, true));
        }
    }

    static DrlSpans of(RuleFile f) {
        return new DrlSpans(f.content());
    }

    /** The innermost span holding {@code offset}: a consequence or function before a whole rule. */
    Span at(int offset) {
        Span best = null;
        for (Span s : spans) {
            if (offset >= s.start() && offset < s.end() && (best == null || s.end() - s.start() < best.end() - best.start())) best = s;
        }
        return best;
    }

    String labelAt(int offset) {
        Span s = at(offset);
        return s == null ? "the rule file" : s.label();
    }

    Span rule(String name) {
        for (Span s : spans) if (!s.body() && name.equals(s.rule())) return s;
        return null;
    }

    /** The first offset of {@code fragment} in {@code in} (text or blank) inside a body span, or -1. */
    int findInBodies(String in, String fragment) {
        int at = in.indexOf(fragment);
        while (at >= 0) {
            Span s = at(at);
            if (s != null && s.body()) return at;
            at = in.indexOf(fragment, at + 1);
        }
        return -1;
    }

    int[] lineCol(int offset) {
        return RuleCheck.lineCol(text, offset);
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i + 1;
        }
        return text.length();
    }

    /** String and character literal contents become spaces; positions are kept. */
    static String blankStrings(String s) {
        StringBuilder out = new StringBuilder(s);
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < s.length()) {
                    out.setCharAt(i, ' ');
                    if (s.charAt(i + 1) != '\n') out.setCharAt(i + 1, ' ');
                    i++;
                } else if (c == quote) {
                    quote = 0;
                } else if (c != '\n') {
                    out.setCharAt(i, ' ');
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            }
        }
        return out.toString();
    }
}
