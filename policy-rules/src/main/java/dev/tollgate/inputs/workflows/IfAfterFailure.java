package dev.tollgate.inputs.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a job's {@code if:} comes to when a job it needs has failed: {@code always()} and
 * {@code failure()} are true, {@code success()} and {@code cancelled()} false, {@code true} /
 * {@code false} are themselves, and anything else (a context, another function, a comparison) is
 * unknown; {@code !}, {@code &&}, {@code ||} and parentheses combine them in three-valued logic.
 * A condition with no status check function gets GitHub's implicit {@code success() &&}.
 *
 * <p>Returns {@code true}, {@code false}, or "" when it is unknown (or the text cannot be parsed).
 */
final class IfAfterFailure {
    private static final int TRUE = 1, FALSE = 0, UNKNOWN = -1;
    private static final int MAX_LENGTH = 4096;
    /** Nesting (parentheses, `!`) deeper than this is unknown: the text is hostile, the stack is not. */
    private static final int MAX_DEPTH = 64;

    private final List<String> tokens;
    private int pos;
    private int depth;
    private boolean status;

    private IfAfterFailure(List<String> tokens) {
        this.tokens = tokens;
    }

    static String evaluate(String condition) {
        String c = condition == null ? "" : condition.trim();
        if (c.length() > MAX_LENGTH) return "";
        if (c.startsWith("${{") && c.endsWith("}}")) c = c.substring(3, c.length() - 2).trim();
        if (c.isEmpty()) return "false"; // no if: is success(), false after a failure
        List<String> tokens = tokenize(c);
        if (tokens == null) return "";
        IfAfterFailure p = new IfAfterFailure(tokens);
        int v;
        try {
            v = p.or();
        } catch (IllegalStateException e) {
            return "";
        }
        if (p.pos != tokens.size()) return "";
        if (!p.status) v = FALSE; // implicit success() &&
        return v == TRUE ? "true" : v == FALSE ? "false" : "";
    }

    private int or() {
        int v = and();
        while (peek("||")) {
            pos++;
            int w = and();
            v = v == TRUE || w == TRUE ? TRUE : v == FALSE && w == FALSE ? FALSE : UNKNOWN;
        }
        return v;
    }

    private int and() {
        int v = comparison();
        while (peek("&&")) {
            pos++;
            int w = comparison();
            v = v == FALSE || w == FALSE ? FALSE : v == TRUE && w == TRUE ? TRUE : UNKNOWN;
        }
        return v;
    }

    private int comparison() {
        int v = unary();
        while (peek("==") || peek("!=") || peek("<") || peek("<=") || peek(">") || peek(">=")) {
            pos++;
            unary();
            v = UNKNOWN;
        }
        return v;
    }

    private int unary() {
        if (++depth > MAX_DEPTH) throw new IllegalStateException();
        try {
            if (peek("!")) {
                pos++;
                int v = unary();
                return v == UNKNOWN ? UNKNOWN : 1 - v;
            }
            return primary();
        } finally {
            depth--;
        }
    }

    private int primary() {
        if (pos >= tokens.size()) throw new IllegalStateException();
        String t = tokens.get(pos++);
        if (t.equals("(")) {
            int v = or();
            expect(")");
            return v;
        }
        if (t.startsWith("'") || Character.isDigit(t.charAt(0)) || t.equals("-")) return UNKNOWN;
        String lower = t.toLowerCase(Locale.ROOT);
        if (peek("(")) {
            pos++;
            int depth = 1;
            while (depth > 0) {
                if (pos >= tokens.size()) throw new IllegalStateException();
                String a = tokens.get(pos++);
                if (a.equals("(")) depth++;
                else if (a.equals(")")) depth--;
            }
            switch (lower) {
                case "always", "failure":
                    status = true;
                    return TRUE;
                case "success", "cancelled":
                    status = true;
                    return FALSE;
                default:
                    return UNKNOWN;
            }
        }
        if (lower.equals("true")) return TRUE;
        if (lower.equals("false") || lower.equals("null")) return FALSE;
        // a context path (github.event_name, needs.x.result, matrix.y[0]): unknown
        while (peek("[")) {
            while (pos < tokens.size() && !tokens.get(pos).equals("]")) pos++;
            expect("]");
        }
        return UNKNOWN;
    }

    private boolean peek(String t) {
        return pos < tokens.size() && tokens.get(pos).equals(t);
    }

    private void expect(String t) {
        if (!peek(t)) throw new IllegalStateException();
        pos++;
    }

    /** Tokens of a GitHub expression, or null when it has a character the grammar does not know. */
    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < s.length()) {
                    if (s.charAt(j) == '\'') {
                        if (j + 1 < s.length() && s.charAt(j + 1) == '\'') j += 2;
                        else break;
                    } else {
                        j++;
                    }
                }
                if (j >= s.length()) return null;
                out.add(s.substring(i, j + 1));
                i = j + 1;
            } else if (s.startsWith("&&", i) || s.startsWith("||", i) || s.startsWith("==", i) || s.startsWith("!=", i)
                    || s.startsWith("<=", i) || s.startsWith(">=", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if ("()!<>[],".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '*') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "_-.*".indexOf(s.charAt(j)) >= 0)) j++;
                out.add(s.substring(i, j));
                i = j;
            } else {
                return null;
            }
        }
        return out;
    }
}
