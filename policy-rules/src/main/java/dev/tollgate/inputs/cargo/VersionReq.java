package dev.tollgate.inputs.cargo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Cargo version requirements ({@code "1.2"}, {@code "^0.3"}, {@code "~1.4.2"}, {@code ">=1, <3"},
 * {@code "=2.0.1"}, {@code "1.*"}, {@code "*"}), enough to tell which of two locked versions of a
 * package a manifest declaration meant. The one Cargo rule left out is the pre-release opt-in (a
 * {@code 1.3.0-beta} matches {@code ^1.2} here): it never decides between two versions that a
 * lockfile holds side by side.
 *
 * <p>{@link #parse} is the strict reading, for requirements a user writes into a policy (crate specs in
 * deny.toml): it refuses what the {@code semver} crate refuses, and its {@link #matches(String)} applies
 * Cargo's pre-release rule (a pre-release version matches only a comparator that names the same
 * {@code major.minor.patch} with a pre-release of its own).
 */
public final class VersionReq {
    /** More comparators than this in one requirement are refused, as the semver crate does. */
    static final int MAX_COMPARATORS = 32;

    private final String text;
    private final List<String> ops;
    private final List<Partial> partials;

    private VersionReq(String text, List<String> ops, List<Partial> partials) {
        this.text = text;
        this.ops = List.copyOf(ops);
        this.partials = List.copyOf(partials);
    }

    /**
     * Reads a requirement strictly: comma-separated comparators, each an optional operator
     * ({@code = > >= < <= ~ ^}) and a version {@code MAJOR[.MINOR[.PATCH]][-PRE][+BUILD]} whose missing
     * or {@code *}/{@code x} parts are wildcards; {@code *} alone matches every release.
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not a requirement
     */
    public static VersionReq parse(String text) {
        if (text == null) throw new IllegalArgumentException("no version requirement");
        String t = text.trim();
        if (t.isEmpty()) throw new IllegalArgumentException("empty version requirement");
        List<String> ops = new ArrayList<>();
        List<Partial> partials = new ArrayList<>();
        if (t.equals("*") || t.equals("x") || t.equals("X")) return new VersionReq(t, ops, partials);
        String[] parts = t.split(",", -1);
        if (parts.length > MAX_COMPARATORS) {
            throw new IllegalArgumentException("more than " + MAX_COMPARATORS + " comparators in `" + t + "`");
        }
        for (String raw : parts) {
            String c = raw.trim();
            if (c.isEmpty()) throw new IllegalArgumentException("empty comparator in `" + t + "`");
            String op = "";
            for (String candidate : new String[] {">=", "<=", ">", "<", "=", "^", "~"}) {
                if (c.startsWith(candidate)) {
                    op = candidate;
                    c = c.substring(candidate.length()).trim();
                    break;
                }
            }
            if (c.isEmpty()) throw new IllegalArgumentException("operator `" + op + "` without a version in `" + t + "`");
            if (c.equals("*") || c.equals("x") || c.equals("X")) {
                if (!op.isEmpty()) throw new IllegalArgumentException("unexpected wildcard after `" + op + "` in `" + t + "`");
                continue; // matches every release; contributes nothing
            }
            Partial p = Partial.parseStrict(c);
            if (p == null) throw new IllegalArgumentException("`" + c + "` is not a version (MAJOR[.MINOR[.PATCH]][-PRE])");
            ops.add(op.isEmpty() ? "^" : op);
            partials.add(p);
        }
        return new VersionReq(t, ops, partials);
    }

    /**
     * Whether {@code version} satisfies this requirement under Cargo's rules, the pre-release rule
     * included. A version that is not {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]} matches nothing.
     */
    public boolean matches(String version) {
        Version v = version == null ? null : Version.parse(version.trim());
        if (v == null) return false;
        for (int i = 0; i < ops.size(); i++) {
            if (!comparator(ops.get(i), partials.get(i), v)) return false;
        }
        if (v.pre().isEmpty()) return true;
        for (Partial p : partials) {
            if (!p.pre.isEmpty() && p.major == v.major() && p.minor == v.minor() && p.patch == v.patch()) return true;
        }
        return false;
    }

    /**
     * Orders two versions by SemVer precedence (build metadata ignored); a version that does not parse
     * sorts after every one that does, and such versions compare as strings.
     */
    public static int compareVersions(String a, String b) {
        Version x = Version.parse(a.trim());
        Version y = Version.parse(b.trim());
        if (x != null && y != null) return x.compareTo(y);
        if (x != null) return -1;
        if (y != null) return 1;
        return a.compareTo(b);
    }

    /** The requirement as written (trimmed). */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionReq r && text.equals(r.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * Whether {@code version} satisfies {@code requirement}. A requirement or version this class
     * cannot read matches, so that the caller keeps every candidate rather than dropping the right one.
     */
    public static boolean matches(String requirement, String version) {
        Version v = Version.parse(version.trim());
        if (v == null || requirement.isBlank()) return true;
        for (String part : requirement.split(",")) {
            Boolean ok = comparator(part.trim(), v);
            if (ok == null) return true;
            if (!ok) return false;
        }
        return true;
    }

    /**
     * Whether {@code requirement} is a Cargo version requirement this class reads: one or more
     * comma-separated comparators ({@code 1.2}, {@code ^0.3}, {@code >=1, <3}, {@code *}).
     */
    public static boolean isValid(String requirement) {
        if (requirement == null || requirement.isBlank()) return false;
        Version probe = new Version(0, 0, 0, "");
        for (String part : requirement.split(",", -1)) {
            if (part.isBlank() || comparator(part.trim(), probe) == null) return false;
        }
        return true;
    }

    /** One comparator; null when unreadable. */
    private static Boolean comparator(String c, Version v) {
        String op = "^";
        for (String candidate : new String[] {">=", "<=", ">", "<", "=", "^", "~"}) {
            if (c.startsWith(candidate)) {
                op = candidate;
                c = c.substring(candidate.length()).trim();
                break;
            }
        }
        if (c.equals("*") || c.equals("x") || c.equals("X")) return true;
        Partial p = Partial.parse(c);
        if (p == null) return null;
        return comparator(op, p, v);
    }

    private static boolean comparator(String op, Partial p, Version v) {
        if (p.wildcard) op = "=";
        Version lower = new Version(p.major, Math.max(p.minor, 0), Math.max(p.patch, 0), p.pre);
        return switch (op) {
            case "=" -> v.compareTo(lower) >= 0 && v.compareTo(p.exclusiveUpper()) < 0;
            case ">" -> v.compareTo(p.exclusiveUpper()) >= 0;
            case ">=" -> v.compareTo(lower) >= 0;
            case "<" -> v.compareTo(lower) < 0;
            case "<=" -> v.compareTo(p.exclusiveUpper()) < 0;
            case "~" -> v.compareTo(lower) >= 0 && v.compareTo(p.tildeUpper()) < 0;
            default -> v.compareTo(lower) >= 0 && v.compareTo(p.caretUpper()) < 0;
        };
    }

    /** A full version; {@code pre} is "" for a release. */
    record Version(long major, long minor, long patch, String pre) implements Comparable<Version> {
        static Version parse(String s) {
            Partial p = Partial.parse(s);
            if (p == null || p.minor < 0 || p.patch < 0 || p.wildcard) return null;
            return new Version(p.major, p.minor, p.patch, p.pre);
        }

        @Override
        public int compareTo(Version o) {
            int c = Long.compare(major, o.major);
            if (c == 0) c = Long.compare(minor, o.minor);
            if (c == 0) c = Long.compare(patch, o.patch);
            return c != 0 ? c : comparePre(pre, o.pre);
        }
    }

    /** SemVer precedence of pre-release strings: none sorts above any; numeric identifiers compare as numbers. */
    static int comparePre(String a, String b) {
        if (a.equals(b)) return 0;
        if (a.isEmpty()) return 1;
        if (b.isEmpty()) return -1;
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = isNumber(x[i]);
            boolean yn = isNumber(y[i]);
            int c;
            if (xn && yn) c = new BigInteger(x[i]).compareTo(new BigInteger(y[i]));
            else if (xn) c = -1;
            else if (yn) c = 1;
            else c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    /** {@code MAJOR[.MINOR[.PATCH]][-PRE][+BUILD]}; minor and patch are -1 when absent or a wildcard. */
    private record Partial(long major, long minor, long patch, String pre, boolean wildcard) {
        static Partial parse(String s) {
            int plus = s.indexOf('+');
            if (plus >= 0) s = s.substring(0, plus);
            String pre = "";
            int dash = s.indexOf('-');
            if (dash >= 0) {
                pre = s.substring(dash + 1);
                s = s.substring(0, dash);
            }
            String[] parts = s.split("\\.", -1);
            if (parts.length > 3) return null;
            long[] n = {-1, -1, -1};
            boolean wildcard = false;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.equals("*") || part.equals("x") || part.equals("X")) {
                    if (i == 0) return null;
                    wildcard = true;
                    break;
                }
                if (!isNumber(part) || part.length() > 18) return null;
                n[i] = Long.parseLong(part);
            }
            return new Partial(n[0], n[1], n[2], pre, wildcard);
        }

        /**
         * The strict form: no empty parts, no leading zeros, a pre-release only after a full
         * {@code MAJOR.MINOR.PATCH}, pre-release and build identifiers non-empty and alphanumeric or
         * {@code -}, a wildcard only in place of the minor or patch part and nothing after it.
         */
        static Partial parseStrict(String s) {
            String build = null;
            int plus = s.indexOf('+');
            if (plus >= 0) {
                build = s.substring(plus + 1);
                s = s.substring(0, plus);
                if (!identifiers(build, false)) return null;
            }
            String pre = "";
            int dash = s.indexOf('-');
            if (dash >= 0) {
                pre = s.substring(dash + 1);
                s = s.substring(0, dash);
                if (!identifiers(pre, true)) return null;
            }
            String[] parts = s.split("\\.", -1);
            if (parts.length > 3) return null;
            long[] n = {-1, -1, -1};
            boolean wildcard = false;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.equals("*") || part.equals("x") || part.equals("X")) {
                    if (i == 0) return null;
                    wildcard = true;
                    for (int j = i + 1; j < parts.length; j++) {
                        if (!(parts[j].equals("*") || parts[j].equals("x") || parts[j].equals("X"))) return null;
                    }
                    break;
                }
                if (!isNumber(part) || part.length() > 18 || (part.length() > 1 && part.charAt(0) == '0')) return null;
                n[i] = Long.parseLong(part);
            }
            if ((!pre.isEmpty() || build != null) && (n[2] < 0 || wildcard)) return null;
            return new Partial(n[0], n[1], n[2], pre, wildcard);
        }

        private static boolean identifiers(String s, boolean pre) {
            if (s.isEmpty()) return false;
            for (String id : s.split("\\.", -1)) {
                if (id.isEmpty()) return false;
                for (int i = 0; i < id.length(); i++) {
                    char c = id.charAt(i);
                    if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) return false;
                }
                if (pre && id.length() > 1 && id.charAt(0) == '0' && isNumber(id)) return false;
            }
            return true;
        }

        /** The first version above everything this partial version names ({@code 1.2} → 1.3.0). */
        Version exclusiveUpper() {
            if (minor < 0) return new Version(major + 1, 0, 0, "");
            if (patch < 0) return new Version(major, minor + 1, 0, "");
            return new Version(major, minor, patch + 1, "");
        }

        Version tildeUpper() {
            return minor < 0 ? new Version(major + 1, 0, 0, "") : new Version(major, minor + 1, 0, "");
        }

        /** Caret: the left-most non-zero part may not change ({@code ^0.2.3} → <0.3.0, {@code ^0.0.3} → <0.0.4). */
        Version caretUpper() {
            if (major > 0 || minor < 0) return new Version(major + 1, 0, 0, "");
            if (minor > 0 || patch < 0) return new Version(0, minor + 1, 0, "");
            return new Version(0, 0, patch + 1, "");
        }
    }
}
