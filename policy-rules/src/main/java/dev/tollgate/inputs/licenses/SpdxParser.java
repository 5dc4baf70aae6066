package dev.tollgate.inputs.licenses;

import dev.tollgate.api.facts.LicenseExpression;
import dev.tollgate.api.facts.LicenseExpression.Node;
import dev.tollgate.api.facts.LicenseReq;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses SPDX license expressions the way cargo-deny does in its default lax mode (the spdx crate's
 * {@code ParseMode::LAX}): {@code AND}, {@code OR}, {@code WITH}, a postfix {@code +}, parentheses,
 * {@code LicenseRef-*} and {@code DocumentRef-*:LicenseRef-*}; and the forms crates publish:
 * {@code /} as {@code OR} (with or without spaces), lower-case operators, ids in any letter case, any
 * whitespace. Precedence: {@code +}, then {@code WITH}, then {@code AND}, then {@code OR}.
 *
 * <p>GNU ids are kept by their root (see {@link LicenseReq}): {@code GPL-2.0}, {@code GPL-2.0-only}
 * are GPL-2.0; {@code GPL-2.0+}, {@code GPL-2.0-or-later} are GPL-2.0 or later. Deprecated ids
 * are accepted. Ids are checked against the SPDX list ({@link SpdxList}).
 *
 * <p>Every failure is a {@link SpdxSyntaxException} with the offset of the offending token.
 */
public final class SpdxParser {
    /** Deeper parenthesis nesting than this is refused (no real expression comes near it). */
    static final int MAX_DEPTH = 64;
    /** Longer expressions are refused. */
    static final int MAX_LENGTH = 10_000;

    private final String text;
    private final SpdxList list;
    private final boolean strictIds;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int depth;

    private SpdxParser(String text, SpdxList list, boolean strictIds) {
        this.text = text;
        this.list = list;
        this.strictIds = strictIds;
    }

    /** Parses a crate's license expression (lax). */
    public static LicenseExpression parse(String text) {
        return parse(text, SpdxList.get());
    }

    static LicenseExpression parse(String text, SpdxList list) {
        if (text == null) throw new SpdxSyntaxException(0, "no expression");
        if (text.length() > MAX_LENGTH) throw new SpdxSyntaxException(MAX_LENGTH, "expression longer than " + MAX_LENGTH + " characters");
        SpdxParser p = new SpdxParser(text, list, false);
        p.lex();
        if (p.tokens.isEmpty()) throw new SpdxSyntaxException(0, "empty license expression");
        Node root = p.or();
        if (p.pos < p.tokens.size()) {
            Token t = p.tokens.get(p.pos);
            throw new SpdxSyntaxException(t.start, t.kind == Kind.CLOSE ? "`)` without a matching `(`" : p.unexpected(t, "AND, OR"));
        }
        return new LicenseExpression(text, root);
    }

    /**
     * Parses one allow-list entry: a license, optionally with {@code +} and {@code WITH exception}
     * (what cargo-deny accepts in {@code allow} and {@code exceptions.allow}).
     */
    public static LicenseReq parseAllowed(String text) {
        LicenseExpression e = parse(text);
        if (!e.root().isTerm()) {
            throw new SpdxSyntaxException(0, "an allow entry is one license (optionally `WITH` an exception), not an expression");
        }
        return e.root().req();
    }

    // ---- lexer ----

    private enum Kind { LICENSE, REF, EXCEPTION, PLUS, OPEN, CLOSE, AND, OR, WITH }

    private record Token(Kind kind, int start, int end, String value, SpdxList.Entry entry) {
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean tokenChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == ':');
    }

    private void lex() {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (space(c)) {
                int s = i;
                while (i < n && space(text.charAt(i))) i++;
                if (i < n && text.charAt(i) == '+') {
                    throw new SpdxSyntaxException(s, "`+` must follow its license without a space");
                }
                continue;
            }
            switch (c) {
                case '+' -> { tokens.add(new Token(Kind.PLUS, i, i + 1, "+", null)); i++; continue; }
                case '(' -> { tokens.add(new Token(Kind.OPEN, i, i + 1, "(", null)); i++; continue; }
                case ')' -> { tokens.add(new Token(Kind.CLOSE, i, i + 1, ")", null)); i++; continue; }
                case '/' -> { tokens.add(new Token(Kind.OR, i, i + 1, "/", null)); i++; continue; }
                default -> { }
            }
            if (!tokenChar(c)) throw new SpdxSyntaxException(i, "unexpected character " + describe(c));
            int s = i;
            while (i < n && tokenChar(text.charAt(i))) i++;
            String word = text.substring(s, i);
            tokens.add(word(word, s, i));
        }
    }

    private static String describe(char c) {
        if (c < 32 || c == 127 || Character.isSurrogate(c) || Character.isISOControl(c)) return String.format("U+%04X", (int) c);
        return "`" + c + "`";
    }

    private Token word(String w, int s, int e) {
        switch (w) {
            case "AND", "and" -> { return new Token(Kind.AND, s, e, w, null); }
            case "OR", "or" -> { return new Token(Kind.OR, s, e, w, null); }
            case "WITH", "with" -> { return new Token(Kind.WITH, s, e, w, null); }
            default -> { }
        }
        SpdxList.Entry lic = strictIds ? list.license(w) : list.licenseIgnoreCase(w);
        if (lic != null) return new Token(Kind.LICENSE, s, e, lic.id(), lic);
        SpdxList.Entry exc = list.exceptionIgnoreCase(w);
        if (exc != null) return new Token(Kind.EXCEPTION, s, e, exc.id(), exc);
        if (isRef(w)) return new Token(Kind.REF, s, e, w, null);
        throw new SpdxSyntaxException(s, "unknown license or exception `" + w + "` (not on the SPDX list "
                + list.version() + ", and not a LicenseRef-)");
    }

    private static boolean refBody(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.'))) return false;
        }
        return true;
    }

    static boolean isRef(String w) {
        if (w.startsWith("LicenseRef-")) return refBody(w.substring("LicenseRef-".length()));
        if (w.startsWith("DocumentRef-")) {
            int colon = w.indexOf(':');
            return colon > 0 && refBody(w.substring("DocumentRef-".length(), colon))
                    && w.startsWith("LicenseRef-", colon + 1) && refBody(w.substring(colon + 1 + "LicenseRef-".length()));
        }
        return false;
    }

    // ---- parser (recursive descent; depth-limited) ----

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private Node or() {
        List<Node> parts = new ArrayList<>();
        parts.add(and());
        while (peek() != null && peek().kind == Kind.OR) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : Node.op(false, parts);
    }

    private Node and() {
        List<Node> parts = new ArrayList<>();
        parts.add(primary());
        while (peek() != null && peek().kind == Kind.AND) {
            pos++;
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.get(0) : Node.op(true, parts);
    }

    private Node primary() {
        Token t = peek();
        if (t == null) throw new SpdxSyntaxException(text.length(), "expected a license or `(` at the end of the expression");
        switch (t.kind) {
            case OPEN -> {
                if (++depth > MAX_DEPTH) throw new SpdxSyntaxException(t.start, "parentheses nested deeper than " + MAX_DEPTH);
                pos++;
                Node inner = or();
                Token close = peek();
                if (close == null) throw new SpdxSyntaxException(t.start, "`(` is never closed");
                if (close.kind != Kind.CLOSE) throw new SpdxSyntaxException(close.start, unexpected(close, "AND, OR or `)`"));
                pos++;
                depth--;
                return inner;
            }
            case LICENSE, REF -> {
                pos++;
                return Node.term(term(t));
            }
            default -> throw new SpdxSyntaxException(t.start, unexpected(t, "a license or `(`"));
        }
    }

    private LicenseReq term(Token t) {
        boolean orLater = false;
        String id = t.value;
        boolean ref = t.kind == Kind.REF;
        boolean osi = false;
        boolean fsf = false;
        boolean copyleft = false;
        if (!ref) {
            SpdxList.Entry e = t.entry;
            if (isGnu(id)) {
                String root = id;
                if (root.endsWith("-or-later")) {
                    orLater = true;
                    root = root.substring(0, root.length() - "-or-later".length());
                } else if (root.endsWith("-only")) {
                    root = root.substring(0, root.length() - "-only".length());
                }
                SpdxList.Entry r = list.license(root);
                if (r != null) {
                    id = root;
                    // The root (deprecated) carries no OSI/FSF flags of its own in recent lists: keep the stated id's.
                    e = new SpdxList.Entry(root, e.osi() || r.osi(), e.fsf() || r.fsf(), r.deprecated(), e.copyleft() || r.copyleft());
                }
            }
            osi = e.osi();
            fsf = e.fsf();
            copyleft = e.copyleft();
        }
        Token next = peek();
        if (next != null && next.kind == Kind.PLUS) {
            if (ref) throw new SpdxSyntaxException(next.start, "`+` may follow only an SPDX license id, not a LicenseRef");
            orLater = true;
            pos++;
            next = peek();
        }
        String exception = null;
        if (next != null && next.kind == Kind.WITH) {
            pos++;
            Token ex = peek();
            if (ex == null) throw new SpdxSyntaxException(text.length(), "expected an exception after WITH at the end of the expression");
            if (ex.kind != Kind.EXCEPTION) throw new SpdxSyntaxException(ex.start, unexpected(ex, "an SPDX exception id after WITH"));
            exception = ex.value;
            pos++;
        }
        return new LicenseReq(id, orLater, exception, ref, osi, fsf, copyleft);
    }

    /** GNU licenses write "or later" as a suffix ({@code GPL-2.0-or-later}). */
    static boolean isGnu(String id) {
        return id.startsWith("GPL-") || id.startsWith("LGPL-") || id.startsWith("AGPL-") || id.startsWith("GFDL-");
    }

    private String unexpected(Token t, String expected) {
        String what = switch (t.kind) {
            case EXCEPTION -> "the exception `" + t.value + "`";
            case LICENSE, REF -> "the license `" + text.substring(t.start, t.end) + "`";
            case PLUS -> "`+`";
            case OPEN -> "`(`";
            case CLOSE -> "`)`";
            case AND, OR, WITH -> "`" + text.substring(t.start, t.end) + "`";
        };
        return "expected " + expected + ", found " + what;
    }
}
