package dev.tollgate.inputs.cargo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dependency's target, as Cargo writes it in {@code [target.'...'.dependencies]} and {@code cargo metadata}
 * gives it in {@code dep_kinds[].target}: a {@code cfg(...)} expression or a plain target triple.
 *
 * <p>Hand-written because there is no Java library for Rust {@code cfg()} expressions (the Rust crates
 * cfg-expr and target-spec have no JVM counterpart); the grammar is small: {@code all(...)},
 * {@code any(...)}, {@code not(...)}, {@code key = "value"} and bare names.
 *
 * <p>Evaluation follows cargo-deny (through krates and cfg-expr): the target predicates are decided by the
 * triple ({@link TargetTriples.Target#values}), {@code unix} and {@code windows} by its families,
 * {@code target_feature} by the features {@code [graph] targets} lists for the triple, and every other
 * predicate ({@code feature = "..."}, {@code test}, {@code debug_assertions}, custom {@code --cfg} flags)
 * is false, as Cargo itself evaluates them when selecting dependencies. Target keys the table does not
 * model ({@code target_abi}, {@code target_has_atomic}, {@code panic}, ...) are <em>unknown</em>: an
 * expression whose value depends on them keeps its dependency, so the graph is never smaller than
 * cargo-deny's.
 */
public final class TargetCfg {
    /** Three-valued truth: unknown when a predicate the triple table does not decide matters. */
    public enum Truth {
        TRUE, FALSE, UNKNOWN;

        static Truth of(boolean b) {
            return b ? TRUE : FALSE;
        }

        Truth not() {
            return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
        }
    }

    /** A parsed {@code cfg()} expression. */
    public sealed interface Expr permits Name, KeyValue, All, Any, Not {
    }

    public record Name(String name) implements Expr {
    }

    public record KeyValue(String key, String value) implements Expr {
    }

    public record All(List<Expr> items) implements Expr {
    }

    public record Any(List<Expr> items) implements Expr {
    }

    public record Not(Expr item) implements Expr {
    }

    private static final Set<String> UNMODELLED_TARGET_KEYS = Set.of("target_abi", "target_has_atomic",
            "target_has_atomic_load_store", "target_has_atomic_equal_alignment", "target_thread_local", "panic",
            "relocation_model", "target_object_format");

    private TargetCfg() {
    }

    /** Whether {@code target} is a {@code cfg(...)} expression (else it is a triple, or "" for none). */
    public static boolean isCfg(String target) {
        return target.startsWith("cfg(");
    }

    /**
     * Parses {@code cfg(EXPR)}.
     *
     * @throws IllegalArgumentException with a one-line reason when it is not a well-formed cfg expression
     */
    public static Expr parse(String text) {
        String t = text.trim();
        if (!t.startsWith("cfg(") || !t.endsWith(")")) {
            throw new IllegalArgumentException("`" + text + "` is not a cfg(...) expression");
        }
        Parser p = new Parser(text, t.substring(4, t.length() - 1));
        Expr e = p.expr();
        p.skipSpace();
        if (p.pos != p.s.length()) throw p.error("unexpected `" + p.s.charAt(p.pos) + "`");
        return e;
    }

    /** The value of {@code e} on {@code target}, whose enabled target features are {@code features}. */
    public static Truth eval(Expr e, TargetTriples.Target target, List<String> features) {
        if (e instanceof Name n) {
            return switch (n.name()) {
                case "unix", "windows" -> Truth.of(target.families().contains(n.name()));
                default -> Truth.FALSE;
            };
        }
        if (e instanceof KeyValue kv) {
            if (kv.key().equals("target_feature")) return Truth.of(features.contains(kv.value()));
            Optional<Set<String>> values = target.values(kv.key());
            if (values.isPresent()) return Truth.of(values.get().contains(kv.value()));
            return UNMODELLED_TARGET_KEYS.contains(kv.key()) ? Truth.UNKNOWN : Truth.FALSE;
        }
        if (e instanceof Not n) return eval(n.item(), target, features).not();
        boolean all = e instanceof All;
        List<Expr> items = all ? ((All) e).items() : ((Any) e).items();
        boolean unknown = false;
        for (Expr item : items) {
            Truth t = eval(item, target, features);
            if (t == Truth.UNKNOWN) unknown = true;
            else if (all && t == Truth.FALSE) return Truth.FALSE;
            else if (!all && t == Truth.TRUE) return Truth.TRUE;
        }
        return unknown ? Truth.UNKNOWN : Truth.of(all);
    }

    /** The value of an expression without predicates ({@code any()} is false, {@code all()} true), else empty. */
    public static Optional<Boolean> constant(Expr e) {
        if (e instanceof Name || e instanceof KeyValue) return Optional.empty();
        if (e instanceof Not n) return constant(n.item()).map(b -> !b);
        boolean all = e instanceof All;
        List<Expr> items = all ? ((All) e).items() : ((Any) e).items();
        for (Expr item : items) {
            Optional<Boolean> c = constant(item);
            if (c.isEmpty()) return Optional.empty();
            if (all != c.get()) return Optional.of(!all);
        }
        return Optional.of(all);
    }

    private static final class Parser {
        final String whole;
        final String s;
        int pos;

        Parser(String whole, String s) {
            this.whole = whole;
            this.s = s;
        }

        Expr expr() {
            skipSpace();
            String ident = ident();
            skipSpace();
            if (peek() == '(') {
                pos++;
                List<Expr> items = new ArrayList<>();
                skipSpace();
                while (peek() != ')') {
                    items.add(expr());
                    skipSpace();
                    if (peek() == ',') {
                        pos++;
                        skipSpace();
                    } else if (peek() != ')') {
                        throw error(pos >= s.length() ? "missing `)`" : "expected `,` or `)` but found `" + s.charAt(pos) + "`");
                    }
                }
                pos++;
                return switch (ident) {
                    case "all" -> new All(List.copyOf(items));
                    case "any" -> new Any(List.copyOf(items));
                    case "not" -> {
                        if (items.size() != 1) throw error("not() takes exactly one predicate, found " + items.size());
                        yield new Not(items.get(0));
                    }
                    default -> throw error("`" + ident + "(...)` is not all(), any() or not()");
                };
            }
            if (peek() == '=') {
                pos++;
                skipSpace();
                return new KeyValue(ident, string());
            }
            return new Name(ident);
        }

        String ident() {
            int start = pos;
            if (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            }
            if (start == pos) {
                throw error(pos >= s.length() ? "a predicate is missing" : "expected a name but found `" + s.charAt(pos) + "`");
            }
            return s.substring(start, pos);
        }

        String string() {
            if (peek() != '"') throw error("expected a \"quoted\" value after `=`");
            pos++;
            StringBuilder out = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != '"') {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) c = s.charAt(pos++);
                out.append(c);
            }
            if (pos >= s.length()) throw error("unterminated string");
            pos++;
            return out.toString();
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed cfg `" + whole + "`: " + what);
        }
    }
}
