package dev.tollgate.engine.compiler;

import dev.tollgate.api.RulesException.Problem;
import dev.tollgate.engine.RuleFile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compile errors in the author's terms. The executable model compiles each rule into generated Java
 * ({@code LambdaConsequence…}, {@code Rules…RuleMethods…}); javac's complaints about that Java name
 * its lines and types. Here they are taken back to the {@code .drl}: the generated line the error is
 * on is found again in the rule's consequence or function, or, for a condition, the rule is found
 * by the name the generated code gives it, and generated names are left out of the message.
 */
final class RuleErrors {
    private RuleErrors() {
    }

    private static final Pattern GENERATED_NAME = Pattern.compile(
            "\\b(?:[\\w$]+\\.)*(?:Lambda(?:Consequence|Predicate|Extractor)|DomainClassesMetadata|Rules[0-9A-F]{32}|Rule_)[\\w$]*");
    private static final Pattern D_RULE = Pattern.compile("D\\.rule\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"|D\\.rule\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern INDEXED_BY = Pattern.compile(
            "The method (?:alpha|beta)IndexedBy\\(.*\\) in the type \\w+ is not applicable for the arguments \\(Class<(\\w+)>, .*, (\\w+)\\)");
    private static final Pattern EXTRACTOR_VALUE = Pattern.compile("Lambda\\w+\\.INSTANCE,\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,()\\s]+)\\s*\\)");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile("^The method (\\w+)\\((.*)\\) is undefined for the type (\\w+)$");
    private static final Pattern STRICT_MODE = Pattern.compile(
            "Unable to Analyse Expression (.*?): \\[Error: unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)\\].*");
    private static final Pattern COERCE = Pattern.compile("Cannot coerce (\\w+) (.*) to (\\w+)!?");

    /**
     * An error javac reported in generated Java; null when neither the generated line nor the rule it
     * belongs to is found (a condition's generated class names no rule): the caller places those.
     *
     * @param source the generated class's source as Drools printed it ("Java source of … in error:"
     *               and then the source, so that its line {@code line} is {@code lines[line]}), or null
     * @param line   the error's line in that source
     * @param offset where javac put it: an offset into the source, or a column
     */
    static Problem javaError(RuleFile f, String source, int line, int offset, String text) {
        DrlSpans d = DrlSpans.of(f);
        String[] lines = source == null ? new String[0] : source.split("\n", -1);
        String generated = line > 0 && line < lines.length ? lines[line] : null;

        Problem enumProblem = enumComparison(f, d, lines, line, text);
        if (enumProblem != null) return enumProblem;

        String message = authorTerms(text);
        if (generated != null) {
            int column = 0;
            int lineStart = 0;
            for (int i = 1; i < line && i < lines.length; i++) lineStart += lines[i].length() + 1;
            if (offset >= lineStart && offset - lineStart < generated.length()) column = offset - lineStart;
            else if (offset > 0 && offset < generated.length()) column = offset;
            String fragment = generated.substring(column).strip();
            // The whole generated statement first (it tells two similar lines apart), then what
            // javac pointed at; the position is that of what javac pointed at.
            for (String c : List.of(generated.strip(), generated.strip().replace("drools.", ""))) {
                int at = d.findInBodies(d.text, c);
                if (at >= 0) {
                    int within = c.indexOf(fragment);
                    at += Math.max(0, within);
                    int[] lc = d.lineCol(at);
                    return new Problem(f.origin(), lc[0], lc[1], d.labelAt(at) + ": " + message);
                }
            }
            for (int len = fragment.length(); len >= 4; len--) {
                int at = d.findInBodies(d.text, fragment.substring(0, len));
                if (at >= 0) {
                    int[] lc = d.lineCol(at);
                    return new Problem(f.origin(), lc[0], lc[1], d.labelAt(at) + ": " + message);
                }
            }
        }
        String rule = ruleName(lines, line);
        DrlSpans.Span s = rule == null ? null : d.rule(rule);
        if (s != null) {
            int[] lc = d.lineCol(s.start());
            return new Problem(f.origin(), lc[0], lc[1], s.label() + ": " + message);
        }
        return null;
    }

    /** The rule the generated code at {@code line} builds: the closest {@code D.rule(…)} above it. */
    private static String ruleName(String[] lines, int line) {
        if (line <= 0 || line >= lines.length) return null;
        StringBuilder above = new StringBuilder();
        for (int i = Math.max(1, line - 40); i <= line; i++) above.append(lines[i]).append('\n');
        Matcher m = D_RULE.matcher(above);
        String name = null;
        while (m.find()) name = m.group(1) != null ? m.group(1) : m.group(2);
        return name;
    }

    /**
     * A constraint that compares an enum field with a string ({@code gitSpec == "rev"}): the
     * executable model's index for it does not compile, and javac names Drools' internals.
     */
    private static Problem enumComparison(RuleFile f, DrlSpans d, String[] lines, int line, String text) {
        Matcher im = INDEXED_BY.matcher(text);
        if (!im.find() || !im.group(2).equals("String")) return null;
        String enumName = im.group(1);
        String rule = ruleName(lines, line);
        StringBuilder after = new StringBuilder();
        for (int i = line; i > 0 && i < lines.length && i < line + 8; i++) after.append(lines[i]).append(' ');
        Matcher vm = EXTRACTOR_VALUE.matcher(after);
        if (rule == null || !vm.find()) return null;
        String value = vm.group(1);
        DrlSpans.Span s = d.rule(rule);
        if (s == null) return null;
        Matcher cm = Pattern.compile("([\\w.]*?)(\\w+)\\s*(==|!=)\\s*" + Pattern.quote(value)).matcher(d.text).region(s.start(), s.end());
        int at = s.start();
        String field = null;
        if (cm.find()) {
            at = cm.start(2);
            field = cm.group(2);
        }
        String fqcn = null;
        Matcher tm = Pattern.compile("([\\w.]+\\." + Pattern.quote(enumName) + ")\\.class").matcher(String.join("\n", lines));
        if (tm.find()) fqcn = tm.group(1);
        String suggestion = enumName + "." + value.replace("\"", "").toUpperCase(java.util.Locale.ROOT);
        if (fqcn != null) {
            try {
                Object[] constants = Class.forName(fqcn, false, RuleErrors.class.getClassLoader()).getEnumConstants();
                String want = value.replace("\"", "");
                String match = null;
                List<String> all = new ArrayList<>();
                for (Object c : constants) {
                    String n = ((Enum<?>) c).name();
                    all.add(enumName + "." + n);
                    if (n.equalsIgnoreCase(want) || n.replace("_", "").equalsIgnoreCase(want.replace("-", "").replace("_", "").replace(".", ""))) match = n;
                }
                suggestion = match != null ? enumName + "." + match : "one of " + String.join(", ", all);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                // Keep the guess above.
            }
        }
        int[] lc = d.lineCol(at);
        return new Problem(f.origin(), lc[0], lc[1], "rule \"" + rule + "\": " + (field == null ? "the field" : field)
                + " is the enum " + enumName + ", not a string; compare with " + suggestion);
    }

    private static final Pattern UNKNOWN_EXPRESSION = Pattern.compile("Unknown expression type: \\(\\s*([\\w.]+)\\s*\\)");
    private static final Pattern GENERIC_CLASS = Pattern.compile("Unable to find class '([\\w.$]+)<");
    private static final Pattern EXPRESSION_NAME = Pattern.compile("Cannot get expression type by name (\\w+)!?");

    /**
     * An exception the executable-model compiler threw (rather than reported) for {@code rule}'s
     * conditions, at the expression it names, with what to write instead. {@code rule} is null when
     * no single rule throws: then the problem is on the file.
     */
    static Problem escaped(RuleFile f, DrlSpans d, DrlSpans.Span rule, Throwable e) {
        if (rule == null) return new Problem(f.origin(), 1, 1, escapedMessage(e, false));
        int at = escapedAt(d, rule, e);
        boolean conditional = false;
        if (at < 0 || EXPRESSION_NAME.matcher(innermostMessage(e)).find()) {
            // a conditional expression (`a ? b : c`) in a constraint: its fields cannot be typed
            Matcher q = Pattern.compile("\\?").matcher(d.blank).region(conditionsStart(d, rule), conditionsEnd(d, rule));
            if (q.find()) {
                at = q.start();
                conditional = true;
            }
        }
        if (at < 0) at = firstCondition(d, rule);
        int[] lc = d.lineCol(at);
        return new Problem(f.origin(), lc[0], lc[1], rule.label() + ": " + escapedMessage(e, conditional));
    }

    /** The message for an exception the compiler threw: what is not supported, and what to write instead. */
    static String escapedMessage(Throwable e, boolean conditional) {
        String text = innermostMessage(e);
        Matcher cast = UNKNOWN_EXPRESSION.matcher(text);
        if (cast.find()) {
            return castMessage(cast.group(1));
        }
        Matcher generic = GENERIC_CLASS.matcher(text);
        if (generic.find()) {
            return "type arguments (`" + simpleName(generic.group(1)) + "<…>`) are not supported in a pattern's constraints; "
                    + "write the raw type (`new " + generic.group(1) + "(…)`), or compute the value in a function";
        }
        if (conditional) {
            return "a conditional expression (`… ? … : …`) is not supported in a pattern's constraints; write it as conditions "
                    + "(`name != null && name.length() > 3`), or compute the value in a function";
        }
        return "the engine cannot compile this condition (" + authorTerms(oneLine(text)) + "); "
                + "simplify it, or compute the value in a function and test that";
    }

    private static String castMessage(String type) {
        return "a cast, `(" + type + ") …`, is not supported in a pattern's constraints; bind the value and match it with a pattern "
                + "of that type (`$v : get(\"key\")` in the pattern, then `" + type + "( … ) from $v`), or cast inside "
                + "`eval( $x.get(\"key\") instanceof " + type + " && ((" + type + ") $x.get(\"key\")).… )`";
    }

    private static final Pattern LEFT_PART = Pattern.compile("Unable to parse left part of expression: (.+)");
    private static final Pattern LEADING_CAST = Pattern.compile("^\\(\\s*([A-Za-z_][\\w.]*)\\s*\\)");

    /**
     * "Unable to parse left part of expression: (Type) …", a cast on the left of a comparison, which
     * Drools gives without a line: placed at the expression in a rule's conditions (found whitespace
     * aside). Null for other expressions (an unknown field, say): the classic compiler places those.
     */
    private static Problem leftPart(RuleFile f, String expression) {
        Matcher cast = LEADING_CAST.matcher(expression.strip());
        if (!cast.find()) return null;
        DrlSpans d = DrlSpans.of(f);
        StringBuilder squeezed = new StringBuilder();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < d.text.length(); i++) {
            if (!Character.isWhitespace(d.text.charAt(i))) {
                squeezed.append(d.text.charAt(i));
                at.add(i);
            }
        }
        String wanted = expression.replaceAll("\\s+", "");
        for (int k = squeezed.indexOf(wanted); k >= 0 && !wanted.isEmpty(); k = squeezed.indexOf(wanted, k + 1)) {
            int offset = at.get(k);
            DrlSpans.Span s = d.at(offset);
            if (s == null || s.body()) continue;
            int[] lc = d.lineCol(offset);
            return new Problem(f.origin(), lc[0], lc[1], s.label() + ": " + castMessage(cast.group(1)));
        }
        return null;
    }

    /** Where the exception's expression is in the rule's conditions, or -1. */
    static int escapedAt(DrlSpans d, DrlSpans.Span rule, Throwable e) {
        String text = innermostMessage(e);
        Pattern p = null;
        Matcher m;
        if ((m = UNKNOWN_EXPRESSION.matcher(text)).find()) {
            p = Pattern.compile("\\(\\s*" + Pattern.quote(m.group(1)) + "\\s*\\)");
        } else if ((m = GENERIC_CLASS.matcher(text)).find()) {
            p = Pattern.compile("\\b" + Pattern.quote(simpleName(m.group(1))) + "\\s*<");
        } else if ((m = EXPRESSION_NAME.matcher(text)).find()) {
            p = Pattern.compile("(?<![\\w.$])" + Pattern.quote(m.group(1)) + "\\b");
        }
        if (p == null) return -1;
        Matcher w = p.matcher(d.blank).region(conditionsStart(d, rule), conditionsEnd(d, rule));
        return w.find() ? w.start() : -1;
    }

    /**
     * Errors in a condition's generated Java that name no rule ({@code rule} is the one whose conditions
     * give them when compiled alone): at its {@code eval} when it has one, else at its first condition.
     * A conditional expression inside {@code eval} is compiled wrongly by Drools (the call after the
     * parentheses moves into the last branch), so that gets its own message.
     */
    static Problem inConditions(RuleFile f, DrlSpans d, DrlSpans.Span rule, String text) {
        int from = conditionsStart(d, rule);
        int to = conditionsEnd(d, rule);
        Matcher eval = Pattern.compile("\\beval\\s*\\(").matcher(d.blank).region(from, to);
        int at = -1;
        boolean conditional = false;
        while (eval.find()) {
            int end = matchingParen(d.blank, eval.end() - 1, to);
            boolean q = d.blank.substring(eval.start(), end).indexOf('?') >= 0;
            if (at < 0 || q && !conditional) {
                at = eval.start();
                conditional = q;
            }
        }
        if (at < 0) at = firstCondition(d, rule);
        String message = conditional
                ? "a conditional expression (`… ? … : …`) inside `eval` is compiled wrongly by the engine (a call after its parentheses "
                        + "moves into its last branch); write it as conditions (`name != null && name.length() > 3`), or compute the value in a function"
                : "the engine cannot compile this condition (" + authorTerms(oneLine(text)) + ")";
        int[] lc = d.lineCol(at);
        return new Problem(f.origin(), lc[0], lc[1], rule.label() + ": " + message);
    }

    private static int matchingParen(String text, int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i + 1;
        }
        return limit;
    }

    /** The first character of the rule's first condition (after {@code when}), or the rule's start. */
    private static int firstCondition(DrlSpans d, DrlSpans.Span rule) {
        int at = conditionsStart(d, rule);
        int to = conditionsEnd(d, rule);
        while (at < to && Character.isWhitespace(d.text.charAt(at))) at++;
        return at < to ? at : rule.start();
    }

    private static int conditionsStart(DrlSpans d, DrlSpans.Span rule) {
        Matcher wm = Pattern.compile("(?m)^\\s*when\\b").matcher(d.blank).region(rule.start(), rule.end());
        return wm.find() ? wm.end() : rule.start();
    }

    private static int conditionsEnd(DrlSpans d, DrlSpans.Span rule) {
        for (DrlSpans.Span s : d.spans) {
            if (s.body() && rule.rule() != null && rule.rule().equals(s.rule()) && s.start() >= rule.start()) return s.start();
        }
        return rule.end();
    }

    private static String innermostMessage(Throwable e) {
        String text = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) text = t.getMessage();
        }
        if (text == null) text = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (UNKNOWN_EXPRESSION.matcher(m).find() || GENERIC_CLASS.matcher(m).find() || EXPRESSION_NAME.matcher(m).find())) return m;
        }
        return text;
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String oneLine(String text) {
        String t = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    /**
     * An error Drools reports on the rule file without a line: the ones it is known to give get
     * their constraint found in the file; null when this cannot place it.
     */
    static Problem unpositioned(RuleFile f, String text) {
        Matcher left = LEFT_PART.matcher(text.strip());
        if (left.matches()) return leftPart(f, left.group(1));
        Matcher m = COERCE.matcher(text.strip());
        if (!m.matches()) return null;
        String valueType = m.group(1);
        String value = m.group(2);
        String type = m.group(3);
        DrlSpans d = DrlSpans.of(f);
        String literal = valueType.equals("String") ? "\"" + value + "\"" : value;
        Matcher cm = Pattern.compile("(\\w+)\\s*(==|!=|<=|>=|<|>)\\s*" + Pattern.quote(literal) + "(?![\\w\"])").matcher(d.text);
        while (cm.find()) {
            DrlSpans.Span s = d.at(cm.start());
            if (s == null || s.body()) continue;
            int[] lc = d.lineCol(cm.start(1));
            return new Problem(f.origin(), lc[0], lc[1], s.label() + ": " + cm.group(1) + " is " + article(type) + " " + type
                    + " and cannot be compared with " + literal);
        }
        return null;
    }

    private static final Pattern ORPHAN_NAME = Pattern.compile("^(?:(\\w+) cannot be resolved(?: to a (?:type|variable))?|The method (\\w+)\\(.*)$");

    /** An error without a file, placed at the first use of the name it complains about; null if none. */
    static Problem orphan(List<RuleFile> files, String text) {
        Matcher m = ORPHAN_NAME.matcher(text.strip());
        if (!m.matches()) return null;
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        for (RuleFile f : files) {
            DrlSpans d = DrlSpans.of(f);
            Matcher w = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(d.blank);
            if (w.find()) {
                int[] lc = d.lineCol(w.start());
                String label = d.labelAt(w.start());
                String message = authorTerms(text);
                return new Problem(f.origin(), lc[0], lc[1], label.equals("the rule file") ? message : label + ": " + message);
            }
        }
        return null;
    }

    /** Prefixes {@code rule "name": } when the position is inside a rule and the message does not name one. */
    static String inRule(RuleFile f, int line, int column, String message) {
        if (message.contains("rule \"") || message.contains("function ")) return message;
        DrlSpans d = DrlSpans.of(f);
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = d.text.indexOf('\n', offset);
            if (offset >= 0) offset++;
        }
        if (offset < 0) return message;
        DrlSpans.Span s = d.at(offset + Math.max(0, column - 1));
        return s == null ? message : s.label() + ": " + message;
    }

    /** Drools' and javac's wording, reworded where it names what the author did not write. */
    static String authorTerms(String text) {
        String t = text.strip();
        Matcher um = UNDEFINED_METHOD.matcher(t);
        if (um.matches()) {
            String type = GENERATED_NAME.matcher(um.group(3)).find() ? null : um.group(3);
            return type == null ? "no function or method " + um.group(1) + "(" + um.group(2) + ") is defined here"
                    : type + " has no method " + um.group(1) + "(" + um.group(2) + ")";
        }
        Matcher sm = STRICT_MODE.matcher(t);
        if (sm.matches()) {
            String type = sm.group(2).substring(sm.group(2).lastIndexOf('.') + 1);
            return "`" + sm.group(1) + "`: " + type + " has no field " + sm.group(3);
        }
        Matcher rt = Pattern.compile("^([\\w.]+) cannot be resolved to a type$").matcher(t);
        if (rt.matches()) return "unknown type " + rt.group(1) + " (import it, or write its full name)";
        if (t.startsWith("Unable to resolve ObjectType '")) {
            return "unknown fact type " + t.substring("Unable to resolve ObjectType '".length()).replace("'", "")
                    + " (import it, or check its name against docs/facts.md)";
        }
        return GENERATED_NAME.matcher(t).replaceAll("the rule");
    }

    private static String article(String word) {
        return "aeiouAEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
