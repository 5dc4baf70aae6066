package dev.tollgate.inputs.cargo;

import java.math.BigInteger;

/**
 * Cargo version requirements ({@code "1.2"}, {@code "^0.3"}, {@code "~1.4.2"}, {@code ">=1, <3"},
 * {@code "=2.0.1"}, {@code "1.*"}, {@code "*"}), enough to tell which of two locked versions of a
 * package a manifest declaration meant. The one Cargo rule left out is the pre-release opt-in (a
 * {@code 1.3.0-beta} matches {@code ^1.2} here): it never decides between two versions that a
 * lockfile holds side by side.
 */
public final class VersionReq {
    private VersionReq() {
    }

    /**
     * Whether {@code version} satisfies {@code requirement}. A requirement or version this class
     * cannot read matches, so that the caller keeps every candidate rather than dropping the right one.
     */
    static boolean matches(String requirement, String version) {
        Version v = Version.parse(version.trim());
        if (v == null || requirement.isBlank()) return true;
        for (String part : requirement.split(",")) {
            Boolean ok = comparator(part.trim(), v);
            if (ok == null) return true;
            if (!ok) return false;
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
    public record Version(long major, long minor, long patch, String pre) implements Comparable<Version> {
        /** {@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}, or null when {@code s} is not one. */
        public static Version parse(String s) {
            Partial p = Partial.parse(s);
            if (p == null || p.minor < 0 || p.patch < 0 || p.wildcard) return null;
            if (!p.pre.isEmpty() && !p.pre.matches("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*")) return null;
            return new Version(p.major, p.minor, p.patch, p.pre);
        }

        /**
         * The version after this one for an increment: {@code major}, {@code minor}, {@code patch}
         * (drop a pre-release part), {@code prerelease} (increment the last numeric identifier of the
         * pre-release, or append {@code .1}: alpha.2 → alpha.3, beta → beta.1), {@code initial} (this one).
         */
        public Version next(String level) {
            return switch (level) {
                case "major" -> new Version(major + 1, 0, 0, "");
                case "minor" -> new Version(major, minor + 1, 0, "");
                case "patch" -> pre.isEmpty() ? new Version(major, minor, patch + 1, "") : new Version(major, minor, patch, "");
                case "prerelease" -> new Version(major, minor, patch, nextPre(pre));
                case "initial" -> this;
                default -> throw new IllegalArgumentException("unknown increment " + level);
            };
        }

        private static String nextPre(String pre) {
            if (pre.isEmpty()) return "1";
            String[] ids = pre.split("\\.");
            for (int i = ids.length - 1; i >= 0; i--) {
                if (isNumber(ids[i])) {
                    ids[i] = new BigInteger(ids[i]).add(BigInteger.ONE).toString();
                    return String.join(".", ids);
                }
            }
            return pre + ".1";
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch + (pre.isEmpty() ? "" : "-" + pre);
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
