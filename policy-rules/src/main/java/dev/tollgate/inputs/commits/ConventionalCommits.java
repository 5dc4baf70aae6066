package dev.tollgate.inputs.commits;

import dev.tollgate.api.facts.Commit;
import dev.tollgate.api.facts.ConventionalCommit;
import dev.tollgate.api.facts.ConventionalCommit.Footer;
import dev.tollgate.api.facts.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses messages per Conventional Commits 1.0.0. The parser only reads: it records what the
 * message says ({@code conventional}, the parts, the problem when the header does not parse) and
 * the rules of {@code rules/commits.drl} decide what is wrong. It never throws on any input
 * (CRLF, NUL, a megabyte body, an empty message).
 */
public final class ConventionalCommits {
    /** Headers longer than this are not parsed for a type (they fail the length rule anyway). */
    static final int MAX_PARSED_HEADER = 4096;

    private ConventionalCommits() {
    }

    public static ConventionalCommit parse(Commit commit) {
        return parse(commit.shortSha(), commit.sha(), commit.message(), commit.messageProblem());
    }

    /** A PR title: a header alone. */
    public static ConventionalCommit title(String title) {
        String oneLine = title.replace("\r", "");
        String problem = "";
        int nl = oneLine.indexOf('\n');
        if (nl >= 0) oneLine = oneLine.substring(0, nl);
        if (title.indexOf('\0') >= 0) problem = "nul";
        return parse("PR title", "", oneLine.replace('\0', '\uFFFD'), problem);
    }

    public static ConventionalCommit parse(String subject, String sha, String message, String messageProblem) {
        String text = message.indexOf('\r') >= 0 ? message.replace("\r\n", "\n").replace('\r', '\n') : message;
        // git strips leading blank lines; so do we.
        int startAt = 0;
        while (startAt < text.length() && text.charAt(startAt) == '\n') startAt++;
        text = text.substring(startAt);
        int nl = text.indexOf('\n');
        String header = (nl < 0 ? text : text.substring(0, nl));
        String rest = nl < 0 ? "" : text.substring(nl + 1);
        boolean blankAfterHeader = rest.isEmpty() || rest.startsWith("\n") || rest.isBlank();

        Header h = header(header.length() > MAX_PARSED_HEADER ? header.substring(0, MAX_PARSED_HEADER) : header);
        String body = rest;
        while (body.startsWith("\n")) body = body.substring(1);
        List<Footer> footers = new ArrayList<>();
        body = splitFooters(body, footers);
        return new ConventionalCommit(subject, sha, header, h.problem.isEmpty(), h.problem, h.type, h.scope, h.bang,
                h.description, body.strip(), footers, blankAfterHeader, messageProblem, Location.NONE);
    }

    private record Header(String type, String scope, boolean bang, String description, String problem) {
        static Header bad(String problem) {
            return new Header("", "", false, "", problem);
        }
    }

    /** {@code type(scope)!: description}. */
    static Header header(String h) {
        if (h.isBlank()) return Header.bad("the header is empty");
        int i = 0;
        int n = h.length();
        while (i < n && isTypeChar(h.charAt(i), i == 0)) i++;
        String type = h.substring(0, i);
        if (type.isEmpty()) return Header.bad("the header does not start with a type (a word such as `feat` or `fix`)");
        String scope = "";
        if (i < n && h.charAt(i) == '(') {
            int close = h.indexOf(')', i + 1);
            if (close < 0) return Header.bad("the scope after `" + type + "(` is not closed with `)`");
            scope = h.substring(i + 1, close);
            if (scope.isBlank()) return Header.bad("the scope `()` is empty; remove the parentheses or name a scope");
            if (scope.indexOf('(') >= 0) return Header.bad("the scope `" + scope + "` contains `(`");
            i = close + 1;
        }
        boolean bang = false;
        if (i < n && h.charAt(i) == '!') {
            bang = true;
            i++;
        }
        if (i >= n || h.charAt(i) != ':') {
            if (i < n && h.charAt(i) == ' ' && h.indexOf(':', i) > 0 && h.substring(i, h.indexOf(':', i)).isBlank()) {
                return Header.bad("there is a space before the `:` after `" + h.substring(0, i) + "`");
            }
            String word = i == type.length() && i < n && Character.isWhitespace(h.charAt(i)) ? "the header starts with `" + type + " ` and has no `type: ` prefix"
                    : "the header has no `: ` after `" + h.substring(0, i) + "`";
            return Header.bad(word);
        }
        i++;
        if (i < n && h.charAt(i) != ' ') return Header.bad("there is no space after the `:`");
        String description = i < n ? h.substring(i + 1) : "";
        return new Header(type, scope, bang, description, "");
    }

    private static boolean isTypeChar(char c, boolean first) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') return true;
        return !first && (c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    /**
     * Moves the trailing footer paragraph (a paragraph whose first line is {@code Token: value} or
     * {@code Token #value}) from the body into {@code footers}; returns the body without it.
     */
    static String splitFooters(String body, List<Footer> footers) {
        if (body.isEmpty()) return body;
        // Footers are the last paragraph (after a blank line, or the whole text after the header).
        int p = body.lastIndexOf("\n\n");
        int footerStart = p < 0 ? 0 : p + 2;
        if (footerStart >= body.length() || tokenLength(body, footerStart) == 0) return body;
        String block = body.substring(footerStart);
        Footer current = null;
        StringBuilder value = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            int t = tokenLength(line, 0);
            if (t > 0) {
                if (current != null) footers.add(new Footer(current.token(), value.toString().strip()));
                String token = line.substring(0, t);
                // "Token: value" keeps the value; "Token #value" keeps the "#".
                String v = line.startsWith(" #", t) ? line.substring(t + 1) : line.substring(t + 2);
                current = new Footer(token, "");
                value.setLength(0);
                value.append(v);
            } else if (current != null) {
                value.append('\n').append(line);
            }
        }
        if (current != null) footers.add(new Footer(current.token(), value.toString().strip()));
        return body.substring(0, footerStart);
    }

    /** Length of a footer token ({@code Refs}, {@code BREAKING CHANGE}) at {@code at} followed by ": " or " #", or 0. */
    static int tokenLength(String s, int at) {
        if (s.startsWith("BREAKING CHANGE: ", at)) return "BREAKING CHANGE".length();
        int i = at;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' && i > at) i++;
            else break;
        }
        if (i == at) return 0;
        if (s.startsWith(": ", i) || s.startsWith(" #", i)) return i - at;
        return 0;
    }
}
