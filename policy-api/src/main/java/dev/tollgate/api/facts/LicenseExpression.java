package dev.tollgate.api.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed SPDX license expression: a tree of {@link LicenseReq} terms joined by AND and OR. Immutable.
 * Parsing lives in {@code dev.tollgate.inputs.licenses.SpdxParser}; this type only evaluates. A rule
 * finds one in {@code PackageLicense.expression} and tests it against an allow list with
 * {@code satisfiedBy(allowed)}, the allowed requirements collected from the {@code AllowedLicense}
 * facts, as cargo-deny evaluates (each term true when an allowed requirement accepts it).
 */
public final class LicenseExpression {
    /**
     * A node: a term ({@code req} set) or an operator over two or more children.
     *
     * @param req      the term's requirement; null for an operator
     * @param and      for an operator: AND when true, OR when false (false for a term)
     * @param children for an operator, its operands in order; empty for a term
     */
    public record Node(LicenseReq req, boolean and, List<Node> children) {
        /**
         * Copies {@code children} (a node is immutable); null children are none.
         *
         * @param req      the term's requirement; null for an operator
         * @param and      for an operator: AND when true, OR when false
         * @param children for an operator, its operands in order
         */
        public Node {
            children = children == null ? List.of() : List.copyOf(children);
        }

        /**
         * A term.
         *
         * @param req the requirement ({@code MIT}, {@code GPL-2.0+ WITH Classpath-exception-2.0}); not null
         * @return a node with no children
         */
        public static Node term(LicenseReq req) {
            return new Node(Objects.requireNonNull(req), false, List.of());
        }

        /**
         * An operator over its operands.
         *
         * @param and      AND when true, OR when false
         * @param children the operands, in order (two or more)
         * @return a node with no {@code req}
         */
        public static Node op(boolean and, List<Node> children) {
            return new Node(null, and, children);
        }

        /**
         * Whether this node is a term rather than an operator.
         *
         * @return whether {@code req} is set
         */
        public boolean isTerm() {
            return req != null;
        }

        boolean eval(Collection<LicenseReq> allowed) {
            if (req != null) {
                for (LicenseReq a : allowed) if (req.satisfiedBy(a)) return true;
                return false;
            }
            if (and) {
                for (Node c : children) if (!c.eval(allowed)) return false;
                return true;
            }
            for (Node c : children) if (c.eval(allowed)) return true;
            return false;
        }

        void terms(List<LicenseReq> out) {
            if (req != null) out.add(req);
            else for (Node c : children) c.terms(out);
        }

        void write(StringBuilder s, boolean top) {
            if (req != null) {
                s.append(req);
                return;
            }
            if (!top) s.append('(');
            for (int i = 0; i < children.size(); i++) {
                if (i > 0) s.append(and ? " AND " : " OR ");
                children.get(i).write(s, false);
            }
            if (!top) s.append(')');
        }
    }

    private final String original;
    private final Node root;

    /**
     * An expression as parsed ({@code dev.tollgate.inputs.licenses.SpdxParser} makes them).
     *
     * @param original the text as written ({@code MIT/Apache-2.0}); not null
     * @param root     its tree; not null
     */
    public LicenseExpression(String original, Node root) {
        this.original = Objects.requireNonNull(original);
        this.root = Objects.requireNonNull(root);
    }

    /**
     * The text as written (in Cargo.toml or deny.toml).
     *
     * @return the original text, e.g. {@code MIT/Apache-2.0}
     */
    public String original() {
        return original;
    }

    /**
     * The expression's tree.
     *
     * @return the root node: a term, or the outermost operator
     */
    public Node root() {
        return root;
    }

    /**
     * The expression in canonical SPDX form ({@code MIT/Apache-2.0} → {@code MIT OR Apache-2.0}).
     *
     * @return the canonical text, nested operators in parentheses
     */
    public String canonical() {
        StringBuilder s = new StringBuilder();
        root.write(s, true);
        return s.toString();
    }

    /**
     * Every term, left to right (with repeats).
     *
     * @return the terms; unmodifiable
     */
    public List<LicenseReq> terms() {
        List<LicenseReq> out = new ArrayList<>();
        root.terms(out);
        return out;
    }

    /**
     * The distinct license ids of the terms ({@code GPL-2.0+ WITH e} gives {@code GPL-2.0}).
     *
     * @return the ids, in order of first appearance
     */
    public Set<String> licenses() {
        Set<String> out = new LinkedHashSet<>();
        for (LicenseReq r : terms()) out.add(r.license());
        return out;
    }

    /**
     * Whether the expression holds when exactly the terms {@code allowed} accept are true (cargo-deny's evaluation).
     *
     * @param allowed the allowed requirements ({@link LicenseReq#satisfiedBy})
     * @return whether the expression is true
     */
    public boolean satisfiedBy(Collection<LicenseReq> allowed) {
        return root.eval(allowed);
    }

    /**
     * As {@link #satisfiedBy(Collection)} with two lists (an allow list and a crate's exceptions).
     *
     * @param allowed the allow list's requirements
     * @param more    more allowed requirements (a crate's exceptions)
     * @return whether the expression is true with both lists allowed
     */
    public boolean satisfiedBy(Collection<LicenseReq> allowed, Collection<LicenseReq> more) {
        if (more.isEmpty()) return satisfiedBy(allowed);
        List<LicenseReq> all = new ArrayList<>(allowed);
        all.addAll(more);
        return satisfiedBy(all);
    }

    /**
     * The terms that no entry of {@code allowed} accepts, distinct, in order.
     *
     * @param allowed the allowed requirements
     * @return the rejected terms; unmodifiable, empty when every term is accepted
     */
    public List<LicenseReq> rejectedTerms(Collection<LicenseReq> allowed) {
        Set<LicenseReq> out = new LinkedHashSet<>();
        for (LicenseReq r : terms()) {
            boolean ok = false;
            for (LicenseReq a : allowed) if (r.satisfiedBy(a)) { ok = true; break; }
            if (!ok) out.add(r);
        }
        return List.copyOf(out);
    }

    /**
     * As {@link #rejectedTerms(Collection)} with two lists (an allow list and a crate's exceptions).
     *
     * @param allowed the allow list's requirements
     * @param more    more allowed requirements (a crate's exceptions)
     * @return the terms neither list accepts, distinct, in order; unmodifiable
     */
    public List<LicenseReq> rejectedTerms(Collection<LicenseReq> allowed, Collection<LicenseReq> more) {
        if (more.isEmpty()) return rejectedTerms(allowed);
        List<LicenseReq> all = new ArrayList<>(allowed);
        all.addAll(more);
        return rejectedTerms(all);
    }

    /**
     * Whether some term is accepted by {@code allowed} (used to tell which allow entries are in use).
     *
     * @param allowed one allowed requirement
     * @return whether it accepts a term of this expression
     */
    public boolean mentions(LicenseReq allowed) {
        for (LicenseReq r : terms()) if (r.satisfiedBy(allowed)) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LicenseExpression e && original.equals(e.original) && root.equals(e.root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(original, root);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
