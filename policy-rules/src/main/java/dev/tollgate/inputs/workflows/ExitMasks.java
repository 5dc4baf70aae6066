package dev.tollgate.inputs.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a {@code run:} script throws a command's exit status away, so that the step succeeds whatever
 * the command returns. The script is read as its logical lines ({@code \} continuations already
 * joined), each split at the top level into commands between {@code &&}, {@code ||}, {@code ;},
 * {@code |} and {@code &} (quotes, {@code $(...)}, {@code (...)} and {@code {...}} kept whole, an
 * unquoted {@code #} word ending the line). A command's status is masked when
 * <ul>
 *   <li>it is followed, through a chain of {@code &&}, by {@code ||} and a fallback that always succeeds
 *       ({@code true} or {@code /bin/true}, {@code :}, {@code exit 0}, {@code echo}/{@code printf}, or a group of
 *       those), and no
 *       {@code && exit N} / {@code && false} follows the fallback: {@code cargo test || true} is masked,
 *       {@code cargo test || (echo failed; exit 1)} is not;</li>
 *   <li>it is followed on its line by {@code ; true} (or {@code ; :}, {@code ; exit 0}) as the line's last
 *       command;</li>
 *   <li>{@code set +e} (or {@code set +o errexit}) came earlier in the script with no {@code set -e} since,
 *       more commands follow it, and the next command does not read its status ({@code $?},
 *       {@code PIPESTATUS}).</li>
 * </ul>
 * Anything else (an {@code ||} on another line, an unknown fallback command) is not a mask: this class
 * reports only what it can show.
 */
final class ExitMasks {
    /** A top-level command of a logical line: its text, its span in the line, and its mask ("" none). */
    record Command(int line, int start, int end, String text, String mask, int maskLine) {
        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private static final Pattern SET_OFF = Pattern.compile("^set\\s+(?:.*\\s)?(?:\\+[a-zA-Z]*e[a-zA-Z]*|\\+o\\s+errexit)(?:\\s.*)?$");
    private static final Pattern SET_ON = Pattern.compile("^set\\s+(?:.*\\s)?(?:-[a-zA-Z]*e[a-zA-Z]*|-o\\s+errexit)(?:\\s.*)?$");
    private static final Pattern SUCCEEDS = Pattern.compile("^(?:(?:command\\s+|builtin\\s+)?(?:\\S*/)?(?:true|echo|printf)(?:\\s.*)?|:(?:\\s.*)?|exit\\s+0)$");
    private static final Pattern FAILS = Pattern.compile("^(?:false|exit(?:\\s+(?!0\\s*$)\\S.*)?|return(?:\\s+(?!0\\s*$)\\S.*)?)$");
    private static final Pattern TRAILING = Pattern.compile("^(?:(?:\\S*/)?true|:|exit\\s+0)$");

    /** How deep groups are looked into for a mask (`((cargo test || true))`); deeper is not a mask. */
    static final int MAX_GROUP_DEPTH = 8;

    private ExitMasks() {
    }

    /**
     * Every top-level command of the script's logical lines, in order, each with its mask. Linear in the
     * script's length (groups aside, each looked into at most {@link #MAX_GROUP_DEPTH} deep): a script
     * is hostile input.
     */
    static List<Command> analyse(List<String> logicalLines) {
        return analyse(logicalLines, 0);
    }

    private static List<Command> analyse(List<String> logicalLines, int depth) {
        List<List<String>> texts = new ArrayList<>();
        List<List<int[]>> spans = new ArrayList<>();
        List<List<String>> ops = new ArrayList<>();
        for (String l : logicalLines) {
            List<String> t = new ArrayList<>();
            List<int[]> s = new ArrayList<>();
            List<String> o = new ArrayList<>();
            split(l, t, s, o);
            texts.add(t);
            spans.add(s);
            ops.add(o);
        }
        List<Command> out = new ArrayList<>();
        int offLine = -1;
        int[] nextNonEmpty = new int[logicalLines.size() + 1];
        nextNonEmpty[logicalLines.size()] = -1;
        for (int i = logicalLines.size() - 1; i >= 0; i--) nextNonEmpty[i] = texts.get(i).isEmpty() ? nextNonEmpty[i + 1] : i;
        for (int i = 0; i < logicalLines.size(); i++) {
            List<String> t = texts.get(i);
            List<String> o = ops.get(i);
            // chainEnd[k]: the first operator at or after k that is not `&&` (o.size() when none)
            int[] chainEnd = new int[t.size() + 1];
            chainEnd[t.size()] = o.size();
            for (int k = t.size() - 1; k >= 0; k--) chainEnd[k] = k < o.size() && o.get(k).equals("&&") ? chainEnd[k + 1] : Math.min(k, o.size());
            for (int k = 0; k < t.size(); k++) {
                String cmd = t.get(k);
                String mask = fallbackMask(t, o, chainEnd[k]);
                int maskLine = i;
                if (mask.isEmpty()) mask = trailingMask(t, ops.get(i), k);
                if (mask.isEmpty() && offLine >= 0 && !SET_OFF.matcher(cmd).matches()) {
                    String next = k + 1 < t.size() ? t.get(k + 1)
                            : nextNonEmpty[i + 1] < 0 ? null : texts.get(nextNonEmpty[i + 1]).get(0);
                    if (next != null && !next.contains("$?") && !next.contains("PIPESTATUS")) {
                        mask = "set +e";
                        maskLine = offLine;
                    }
                }
                if (mask.isEmpty() && isGroup(cmd) && depth < MAX_GROUP_DEPTH) mask = innerMask(cmd, depth + 1);
                out.add(new Command(i, spans.get(i).get(k)[0], spans.get(i).get(k)[1], cmd, mask, mask.isEmpty() ? -1 : maskLine));
                if (SET_OFF.matcher(cmd).matches()) offLine = i;
                else if (SET_ON.matcher(cmd).matches()) offLine = -1;
            }
        }
        return out;
    }

    /** The commands of each logical line ({@link #analyse}'s result grouped by line, in offset order). */
    static List<List<Command>> byLine(List<Command> commands, int lines) {
        List<List<Command>> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) out.add(new ArrayList<>());
        for (Command c : commands) out.get(c.line()).add(c);
        return out;
    }

    /** The command at {@code offset} of logical line {@code line}, or null (a binary search). */
    static Command at(List<List<Command>> byLine, int line, int offset) {
        if (line < 0 || line >= byLine.size()) return null;
        List<Command> l = byLine.get(line);
        int lo = 0, hi = l.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Command c = l.get(mid);
            if (offset < c.start()) hi = mid - 1;
            else if (offset >= c.end()) lo = mid + 1;
            else return c;
        }
        return null;
    }

    /** The mask `|| fallback` when the `&&` chain from the command ends at operator j with `||`. */
    private static String fallbackMask(List<String> t, List<String> ops, int j) {
        if (j >= ops.size() || !ops.get(j).equals("||") || j + 1 >= t.size()) return "";
        String fallback = t.get(j + 1);
        if (j + 1 < ops.size() && ops.get(j + 1).equals("&&") && j + 2 < t.size() && FAILS.matcher(t.get(j + 2)).matches()) return "";
        if (SUCCEEDS.matcher(fallback).matches()) return "|| " + fallback;
        if (isGroup(fallback) && alwaysSucceeds(inner(fallback))) return "|| " + fallback;
        return "";
    }

    private static String trailingMask(List<String> t, List<String> ops, int k) {
        if (k + 1 != t.size() - 1 || k >= ops.size() || !ops.get(k).equals(";")) return "";
        String last = t.get(k + 1);
        return TRAILING.matcher(last).matches() ? "; " + last : "";
    }

    /** A mask inside a group: {@code (cargo test || true)}. */
    private static String innerMask(String group, int depth) {
        for (Command c : analyse(List.of(inner(group)), depth)) if (!c.mask().isEmpty()) return c.mask();
        return "";
    }

    private static boolean alwaysSucceeds(String script) {
        List<String> t = new ArrayList<>();
        split(script, t, new ArrayList<>(), new ArrayList<>());
        if (t.isEmpty()) return false;
        for (String c : t) if (!SUCCEEDS.matcher(c).matches()) return false;
        return true;
    }

    private static boolean isGroup(String cmd) {
        return cmd.length() >= 2 && (cmd.startsWith("(") && cmd.endsWith(")") || cmd.startsWith("{") && cmd.endsWith("}"));
    }

    private static String inner(String group) {
        return group.substring(1, group.length() - 1).trim();
    }

    /**
     * Splits a logical line at its top-level operators: the commands (trimmed, empty ones dropped),
     * their spans in the line, and the operator after each but the last.
     */
    static void split(String line, List<String> texts, List<int[]> spans, List<String> ops) {
        int depth = 0;
        char quote = 0;
        int start = 0;
        int n = line.length();
        int end = n;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                continue;
            }
            if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1))) && depth == 0) {
                end = i;
                break;
            }
            if (c == '(' || c == '{') {
                depth++;
                continue;
            }
            if ((c == ')' || c == '}') && depth > 0) {
                depth--;
                continue;
            }
            if (depth > 0) continue;
            String op = null;
            if (line.startsWith("&&", i) || line.startsWith("||", i)) op = line.substring(i, i + 2);
            else if (line.startsWith(";;", i)) op = ";;";
            else if (c == ';' || c == '|' || c == '&') op = String.valueOf(c);
            if (op == null) continue;
            // `2>&1`, `>&2`, `&>`: redirections, not operators
            if (op.equals("&") && (i > 0 && line.charAt(i - 1) == '>' || i + 1 < n && line.charAt(i + 1) == '>')) continue;
            add(line, start, i, texts, spans, ops, op.equals(";;") || op.equals("&") ? ";" : op);
            i += op.length() - 1;
            start = i + 1;
        }
        add(line, start, end, texts, spans, ops, null);
        if (ops.size() >= texts.size() && !ops.isEmpty()) ops.remove(ops.size() - 1);
    }

    private static void add(String line, int from, int to, List<String> texts, List<int[]> spans, List<String> ops, String op) {
        String s = line.substring(from, Math.max(from, to));
        String trimmed = s.trim();
        if (trimmed.isEmpty()) {
            // `a || || b` cannot happen in valid shell; an empty command keeps the earlier operator
            if (op != null && !ops.isEmpty() && ops.size() == texts.size()) ops.set(ops.size() - 1, op);
            return;
        }
        if (ops.size() < texts.size()) ops.add(";"); // two commands with no operator recorded: a new line
        int lead = s.indexOf(trimmed);
        texts.add(trimmed);
        spans.add(new int[] {from + lead, from + lead + trimmed.length()});
        if (op != null) ops.add(op);
    }
}
