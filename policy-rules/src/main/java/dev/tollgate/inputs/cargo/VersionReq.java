package dev.tollgate.inputs.cargo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Cargo version requirements with the semantics of Rust's {@code semver} crate (1.x), which is what
 * Cargo and the RustSec tooling use: {@code ^} (the default), {@code ~}, {@code =}, {@code >},
 * {@code >=}, {@code <}, {@code <=}, {@code *} / {@code x} / {@code X} wildcards, bare and partial
 * versions ({@code 1}, {@code 1.2}), comma-separated comparator lists, pre-release versions (a
 * pre-release version only satisfies a requirement when one of its comparators names the same
 * {@code major.minor.patch} with a pre-release of its own) and build metadata (accepted, never
 * compared).
 *
 * <p>Why hand-written: no Java library has Cargo's semantics. The JVM semver libraries implement
 * npm's ranges (space-separated comparators, {@code ||}, hyphen ranges, a different caret on 0.0.x
 * and a different pre-release rule) or the bare SemVer 2.0 precedence, and each disagrees with the
 * {@code semver} crate on some requirement the RustSec database writes. This class follows the crate's
 * {@code parse.rs} and {@code eval.rs} rule by rule; {@code VersionReqTest} and
 * {@code SemverCorpusTest} hold the hand-derived cases and the corpus cross-check.
 *
 * <p>Two entry points: {@link #parse(String)} / {@link #matches(Version)}, strict like the crate (an
 * unreadable requirement is an {@link IllegalArgumentException} with the crate's reason); and the
 * older lenient {@link #matches(String, String)} that the workspace loader uses to choose between
 * locked versions.
 */
public final class VersionReq {
    /** A comparator's operator. {@code WILDCARD} is a bare {@code 1.*} / {@code 1.2.x}. */
    public enum Op { EXACT, GREATER, GREATER_EQ, LESS, LESS_EQ, TILDE, CARET, WILDCARD }

    /**
     * One comparator; {@code minor} and {@code patch} are null when the requirement leaves them out.
     * {@code pre} is "" when none (only possible with a patch).
     */
    public record Comparator(Op op, long major, Long minor, Long patch, String pre) {
        @Override
        public String toString() {
            String sym = switch (op) {
                case EXACT -> "=";
                case GREATER -> ">";
                case GREATER_EQ -> ">=";
                case LESS -> "<";
                case LESS_EQ -> "<=";
                case TILDE -> "~";
                case CARET -> "^";
                case WILDCARD -> "";
            };
            StringBuilder s = new StringBuilder(sym).append(major);
            if (minor != null) s.append('.').append(minor);
            else if (op == Op.WILDCARD) s.append(".*");
            if (patch != null) s.append('.').append(patch);
            else if (op == Op.WILDCARD && minor != null) s.append(".*");
            if (!pre.isEmpty()) s.append('-').append(pre);
            return s.toString();
        }
    }

    private static final VersionReq STAR = new VersionReq("*", List.of());

    private final String text;
    private final List<Comparator> comparators;

    private VersionReq(String text, List<Comparator> comparators) {
        this.text = text;
        this.comparators = List.copyOf(comparators);
    }

    /** The comparators; empty for {@code *}. */
    public List<Comparator> comparators() {
        return comparators;
    }

    @Override
    public String toString() {
        return text;
    }

    // ---------------------------------------------------------------------------------------------
    // Parsing (semver crate parse.rs: VersionReq::from_str, version_req, comparator)

    /** Parses a requirement as the {@code semver} crate does; {@link IllegalArgumentException} when it would not. */
    public static VersionReq parse(String text) {
        String s = trimSpaces(text);
        if (!s.isEmpty() && isWildcard(s.charAt(0))) {
            String rest = trimSpaces(s.substring(1));
            if (rest.isEmpty()) return STAR;
            if (rest.startsWith(",")) throw bad(text, "wildcard req (" + s.charAt(0) + ") must be the only comparator in the version req");
            throw bad(text, "unexpected character after wildcard in version req");
        }
        List<Comparator> out = new ArrayList<>();
        Cursor c = new Cursor(s, text);
        while (true) {
            int before = c.pos;
            try {
                out.add(comparator(c));
            } catch (IllegalArgumentException e) {
                // the crate words a lone wildcard inside a list specially
                String at = s.substring(before);
                if (!at.isEmpty() && isWildcard(at.charAt(0))) {
                    String rest = trimSpaces(at.substring(1));
                    if (rest.isEmpty() || rest.startsWith(",")) {
                        throw bad(text, "wildcard req (" + at.charAt(0) + ") must be the only comparator in the version req");
                    }
                }
                throw e;
            }
            if (c.atEnd()) break;
            if (c.peek() != ',') throw bad(text, "expected comma after " + positionWord(out.get(out.size() - 1)) + ", found '" + c.peek() + "'");
            c.pos++;
            c.skipSpaces();
            if (out.size() >= 32) throw bad(text, "excessive number of version comparators");
        }
        return new VersionReq(text, out);
    }

    /** Whether {@code text} is a requirement {@link #parse} accepts. */
    public static boolean isValid(String text) {
        return text != null && tryParse(text) != null;
    }

    /**
     * Whether {@code version} satisfies this requirement under Cargo's rules, the pre-release rule
     * included; a version that is not {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]} matches nothing.
     */
    public boolean matches(String version) {
        Version v = version == null ? null : Version.tryParse(version.trim());
        return v != null && matches(v);
    }

    /**
     * Orders two versions by SemVer precedence (build metadata ignored); a version that does not parse
     * sorts after every one that does, and such versions compare as strings.
     */
    public static int compareVersions(String a, String b) {
        Version x = Version.tryParse(a.trim());
        Version y = Version.tryParse(b.trim());
        if (x != null && y != null) return x.compareTo(y);
        if (x != null) return -1;
        if (y != null) return 1;
        return a.compareTo(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionReq r && text.trim().equals(r.text.trim());
    }

    @Override
    public int hashCode() {
        return text.trim().hashCode();
    }

    /** Like {@link #parse}, null instead of an exception. */
    public static VersionReq tryParse(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String positionWord(Comparator c) {
        if (!c.pre.isEmpty()) return "pre-release identifier";
        if (c.patch != null) return "patch version number";
        if (c.minor != null) return "minor version number";
        return "major version number";
    }

    private static Comparator comparator(Cursor c) {
        Op op = Op.CARET;
        boolean defaultOp = true;
        if (!c.atEnd()) {
            char ch = c.peek();
            if (ch == '=') { op = Op.EXACT; c.pos++; defaultOp = false; }
            else if (ch == '>') {
                c.pos++;
                defaultOp = false;
                if (!c.atEnd() && c.peek() == '=') { op = Op.GREATER_EQ; c.pos++; } else op = Op.GREATER;
            } else if (ch == '<') {
                c.pos++;
                defaultOp = false;
                if (!c.atEnd() && c.peek() == '=') { op = Op.LESS_EQ; c.pos++; } else op = Op.LESS;
            } else if (ch == '~') { op = Op.TILDE; c.pos++; defaultOp = false; }
            else if (ch == '^') { op = Op.CARET; c.pos++; defaultOp = false; }
        }
        c.skipSpaces();
        long major = c.number("major");
        Long minor = null;
        Long patch = null;
        boolean wildcard = false;
        if (!c.atEnd() && c.peek() == '.') {
            c.pos++;
            if (!c.atEnd() && isWildcard(c.peek())) {
                c.pos++;
                wildcard = true;
                if (defaultOp) op = Op.WILDCARD;
            } else {
                minor = c.number("minor");
            }
        }
        if (!c.atEnd() && c.peek() == '.') {
            c.pos++;
            if (!c.atEnd() && isWildcard(c.peek())) {
                c.pos++;
                if (defaultOp) op = Op.WILDCARD;
            } else if (wildcard) {
                throw bad(c.original, "unexpected character after wildcard in version req");
            } else {
                patch = c.number("patch");
            }
        }
        String pre = "";
        if (patch != null && !c.atEnd() && c.peek() == '-') {
            c.pos++;
            pre = c.identifier(true);
            if (pre.isEmpty()) throw bad(c.original, "empty identifier segment in pre-release identifier");
        }
        if (patch != null && !c.atEnd() && c.peek() == '+') {
            c.pos++;
            String build = c.identifier(false);
            if (build.isEmpty()) throw bad(c.original, "empty identifier segment in build metadata");
        }
        c.skipSpaces();
        return new Comparator(op, major, minor, patch, pre);
    }

    private static boolean isWildcard(char ch) {
        return ch == '*' || ch == 'x' || ch == 'X';
    }

    private static String trimSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return s.substring(i);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("invalid version requirement `" + text + "`: " + why);
    }

    /** A read position in a requirement or version string. */
    private static final class Cursor {
        final String s;
        final String original;
        int pos;

        Cursor(String s, String original) {
            this.s = s;
            this.original = original;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') pos++;
        }

        /** A numeric identifier: digits, no leading zero, fits in a u64 (kept as a long: ≤ 2^63-1 here). */
        long number(String what) {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
            if (pos == start) {
                if (atEnd()) throw bad(original, "unexpected end of input while parsing " + what + " version number");
                throw bad(original, "unexpected character '" + peek() + "' while parsing " + what + " version number");
            }
            String digits = s.substring(start, pos);
            if (digits.length() > 1 && digits.charAt(0) == '0') {
                throw bad(original, "invalid leading zero in " + what + " version number");
            }
            if (digits.length() > 18 && new BigInteger(digits).compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
                throw bad(original, "value of " + what + " version number exceeds u64::MAX");
            }
            return Long.parseLong(digits);
        }

        /** Dot-separated [0-9A-Za-z-] segments; numeric pre-release segments may not have a leading zero. */
        String identifier(boolean pre) {
            int start = pos;
            int segStart = pos;
            while (true) {
                char ch = atEnd() ? 0 : peek();
                boolean ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-';
                if (ok) {
                    pos++;
                    continue;
                }
                String seg = s.substring(segStart, pos);
                String where = pre ? "pre-release identifier" : "build metadata";
                if (seg.isEmpty()) {
                    if (pos == start && ch != '.') return "";
                    throw bad(original, "empty identifier segment in " + where);
                }
                if (pre && seg.length() > 1 && seg.charAt(0) == '0' && allDigits(seg)) {
                    throw bad(original, "invalid leading zero in " + where);
                }
                if (ch == '.') {
                    pos++;
                    segStart = pos;
                    continue;
                }
                return s.substring(start, pos);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Matching (semver crate eval.rs)

    /** Whether {@code v} satisfies this requirement, pre-release rule included. */
    public boolean matches(Version v) {
        for (Comparator c : comparators) {
            if (!matchesImpl(c, v)) return false;
        }
        if (v.pre().isEmpty()) return true;
        // A pre-release version satisfies the requirement only if a comparator with the same
        // major.minor.patch has a pre-release of its own (opt-in, so ^1.2 never picks 1.3.0-beta).
        for (Comparator c : comparators) {
            if (preIsCompatible(c, v)) return true;
        }
        return false;
    }

    /** Whether the comparators admit {@code v}, without the pre-release opt-in rule. */
    boolean matchesIgnoringPreOptIn(Version v) {
        for (Comparator c : comparators) {
            if (!matchesImpl(c, v)) return false;
        }
        return true;
    }

    private static boolean matchesImpl(Comparator c, Version v) {
        return switch (c.op) {
            case EXACT, WILDCARD -> matchesExact(c, v);
            case GREATER -> matchesGreater(c, v);
            case GREATER_EQ -> matchesExact(c, v) || matchesGreater(c, v);
            case LESS -> matchesLess(c, v);
            case LESS_EQ -> matchesExact(c, v) || matchesLess(c, v);
            case TILDE -> matchesTilde(c, v);
            case CARET -> matchesCaret(c, v);
        };
    }

    private static boolean matchesExact(Comparator c, Version v) {
        if (v.major != c.major) return false;
        if (c.minor != null && v.minor != c.minor) return false;
        if (c.patch != null && v.patch != c.patch) return false;
        return v.pre.equals(c.pre);
    }

    private static boolean matchesGreater(Comparator c, Version v) {
        if (v.major != c.major) return Long.compareUnsigned(v.major, c.major) > 0;
        if (c.minor == null) return false;
        if (v.minor != c.minor) return Long.compareUnsigned(v.minor, c.minor) > 0;
        if (c.patch == null) return false;
        if (v.patch != c.patch) return Long.compareUnsigned(v.patch, c.patch) > 0;
        return comparePre(v.pre, c.pre) > 0;
    }

    private static boolean matchesLess(Comparator c, Version v) {
        if (v.major != c.major) return Long.compareUnsigned(v.major, c.major) < 0;
        if (c.minor == null) return false;
        if (v.minor != c.minor) return Long.compareUnsigned(v.minor, c.minor) < 0;
        if (c.patch == null) return false;
        if (v.patch != c.patch) return Long.compareUnsigned(v.patch, c.patch) < 0;
        return comparePre(v.pre, c.pre) < 0;
    }

    private static boolean matchesTilde(Comparator c, Version v) {
        if (v.major != c.major) return false;
        if (c.minor != null && v.minor != c.minor) return false;
        if (c.patch != null && v.patch != c.patch) return v.patch > c.patch;
        return comparePre(v.pre, c.pre) >= 0;
    }

    private static boolean matchesCaret(Comparator c, Version v) {
        if (v.major != c.major) return false;
        if (c.minor == null) return true;
        long minor = c.minor;
        if (c.patch == null) {
            return c.major > 0 ? v.minor >= minor : v.minor == minor;
        }
        long patch = c.patch;
        if (c.major > 0) {
            if (v.minor != minor) return v.minor > minor;
            if (v.patch != patch) return v.patch > patch;
        } else if (minor > 0) {
            if (v.minor != minor) return false;
            if (v.patch != patch) return v.patch > patch;
        } else if (v.minor != minor || v.patch != patch) {
            return false;
        }
        return comparePre(v.pre, c.pre) >= 0;
    }

    private static boolean preIsCompatible(Comparator c, Version v) {
        return c.major == v.major && c.minor != null && c.minor == v.minor && c.patch != null
                && c.patch == v.patch && !c.pre.isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The lenient check the workspace loader uses

    /**
     * Whether {@code version} satisfies {@code requirement}, leniently: a requirement or version
     * this class cannot read matches, so that the caller keeps every candidate rather than dropping
     * the right one; and the pre-release opt-in is left out (a {@code 1.3.0-beta} matches {@code ^1.2}
     * here), as it never decides between two versions that a lockfile holds side by side.
     */
    public static boolean matches(String requirement, String version) {
        Version v = Version.tryParse(version.trim());
        if (v == null || requirement.isBlank()) return true;
        VersionReq r = tryParse(requirement.trim());
        return r == null || r.matchesIgnoringPreOptIn(v);
    }

    // ---------------------------------------------------------------------------------------------
    // Versions

    /** A full version ({@code semver::Version}); {@code pre} and {@code build} are "" when absent. */
    public record Version(long major, long minor, long patch, String pre, String build) implements Comparable<Version> {
        public Version(long major, long minor, long patch, String pre) {
            this(major, minor, patch, pre, "");
        }

        /** Strict {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}, as the crate parses a version. */
        public static Version parse(String text) {
            Cursor c = new Cursor(text, text);
            long major = c.number("major");
            expectDot(c, text, "major");
            long minor = c.number("minor");
            expectDot(c, text, "minor");
            long patch = c.number("patch");
            String pre = "";
            String build = "";
            if (!c.atEnd() && c.peek() == '-') {
                c.pos++;
                pre = c.identifier(true);
                if (pre.isEmpty()) throw badVersion(text, "empty identifier segment in pre-release identifier");
            }
            if (!c.atEnd() && c.peek() == '+') {
                c.pos++;
                build = c.identifier(false);
                if (build.isEmpty()) throw badVersion(text, "empty identifier segment in build metadata");
            }
            if (!c.atEnd()) throw badVersion(text, "unexpected character '" + c.peek() + "' after version");
            return new Version(major, minor, patch, pre, build);
        }

        /**
         * The version after this one for an increment, as release-plz's {@code next_version} computes
         * it: {@code major}, {@code minor} and {@code patch} raise their part, zero the parts after it
         * and drop a pre-release part; {@code prerelease} increments the pre-release's last identifier
         * when it is a number, and otherwise appends {@code .1} (alpha.2 → alpha.3, beta → beta.1,
         * beta.1.a → beta.1.a.1); {@code initial} is this version. Build metadata is kept in every case
         * (1.0.0+abcd → 1.0.1+abcd).
         */
        public Version next(String level) {
            return switch (level) {
                case "major" -> new Version(major + 1, 0, 0, "", build);
                case "minor" -> new Version(major, minor + 1, 0, "", build);
                case "patch" -> new Version(major, minor, patch + 1, "", build);
                case "prerelease" -> new Version(major, minor, patch, nextPre(pre), build);
                case "initial" -> this;
                default -> throw new IllegalArgumentException("unknown increment " + level);
            };
        }

        // release-plz's increment_last_identifier: only the last identifier counts, and it counts as a
        // number when it parses as a u32 (a longer digit string is appended to, like a word).
        private static String nextPre(String pre) {
            if (pre.isEmpty()) return "1";
            int dot = pre.lastIndexOf('.');
            String last = pre.substring(dot + 1);
            if (dot >= 0 && allDigits(last) && last.length() <= 10) {
                long n = Long.parseLong(last);
                if (n <= 0xFFFF_FFFFL) return pre.substring(0, dot + 1) + (n + 1);
            }
            return pre + ".1";
        }

        /** Like {@link #parse}, null instead of an exception. */
        public static Version tryParse(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static void expectDot(Cursor c, String text, String after) {
            if (c.atEnd()) throw badVersion(text, "unexpected end of input after " + after + " version number");
            if (c.peek() != '.') throw badVersion(text, "unexpected character '" + c.peek() + "' after " + after + " version number");
            c.pos++;
        }

        private static IllegalArgumentException badVersion(String text, String why) {
            return new IllegalArgumentException("invalid version `" + text + "`: " + why);
        }

        /** SemVer precedence; build metadata is not compared. */
        @Override
        public int compareTo(Version o) {
            int c = Long.compareUnsigned(major, o.major);
            if (c == 0) c = Long.compareUnsigned(minor, o.minor);
            if (c == 0) c = Long.compareUnsigned(patch, o.patch);
            return c != 0 ? c : comparePre(pre, o.pre);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + pre) + (build.isEmpty() ? "" : "+" + build);
        }
    }

    /**
     * Pre-release precedence: none sorts above any; numeric identifiers compare as numbers and sort
     * below alphanumeric ones; a shorter list that is a prefix sorts first.
     */
    public static int comparePre(String a, String b) {
        if (a.equals(b)) return 0;
        if (a.isEmpty()) return 1;
        if (b.isEmpty()) return -1;
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = allDigits(x[i]);
            boolean yn = allDigits(y[i]);
            int c;
            if (xn && yn) c = new BigInteger(x[i]).compareTo(new BigInteger(y[i]));
            else if (xn) c = -1;
            else if (yn) c = 1;
            else c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Fix arithmetic for advisories

    /**
     * The lowest version this requirement admits that is above {@code v}, among the boundary versions
     * its comparators name (what a patched requirement's "first fixed release" is), or null. Only
     * release versions are considered.
     */
    public Version lowestAbove(Version v) {
        List<Version> candidates = new ArrayList<>();
        for (Comparator c : comparators) {
            long minor = c.minor == null ? 0 : c.minor;
            long patch = c.patch == null ? 0 : c.patch;
            candidates.add(new Version(c.major, minor, patch, ""));
            if (c.op == Op.GREATER) {
                if (c.minor == null) candidates.add(new Version(c.major + 1, 0, 0, ""));
                else if (c.patch == null) candidates.add(new Version(c.major, minor + 1, 0, ""));
                else candidates.add(new Version(c.major, minor, patch + 1, ""));
            }
        }
        if (comparators.isEmpty()) candidates.add(new Version(v.major, v.minor, v.patch + 1, ""));
        Version best = null;
        for (Version cand : candidates) {
            if (cand.compareTo(v) > 0 && matches(cand) && (best == null || cand.compareTo(best) < 0)) best = cand;
        }
        return best;
    }

    /** Whether {@code to} is semver-compatible with {@code from} ({@code ^from} admits it): a {@code cargo update} reaches it. */
    public static boolean compatible(Version from, Version to) {
        return matchesCaret(new Comparator(Op.CARET, from.major, from.minor, from.patch, ""), new Version(to.major, to.minor, to.patch, ""));
    }
}
