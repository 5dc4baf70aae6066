package dev.tollgate.inputs.denytoml;

import dev.tollgate.inputs.cargo.VersionReq;

/**
 * Crate specs as cargo-deny v2 reads them, for every deny.toml list that names crates ([bans] lists,
 * [licenses] exceptions and clarifications): {@code name}, {@code name@version} (the first comparator
 * made exact, so {@code name@1.2} means {@code =1.2}), {@code name:requirement} (any Cargo
 * requirement, {@code lru:<0.18.2}), and the split form's {@code name} plus {@code version}.
 *
 * <p>Stricter than cargo-deny in one place: the name must be a possible crate name (ASCII letters,
 * digits, {@code -} and {@code _}), so that {@code "serde 1.0"} or {@code "serde = 1"} is an error
 * rather than an entry that silently matches nothing.
 */
public final class CrateSpecs {
    /** A parsed spec; {@code req} is null for every version, {@code versionReq} its text ("" then). */
    public record Spec(String name, VersionReq req) {
        public String versionReq() {
            return req == null ? "" : req.toString();
        }

        public boolean matches(String crateName, String version) {
            return name.equals(crateName) && (req == null || req.matches(version));
        }
    }

    private CrateSpecs() {
    }

    /**
     * Parses the string form.
     *
     * @throws IllegalArgumentException with a one-line reason when it is not a crate spec
     */
    public static Spec parse(String text) {
        if (text == null) throw new IllegalArgumentException("no crate spec");
        int at = text.indexOf('@');
        int colon = text.indexOf(':');
        if (at >= 0) return split(text.substring(0, at), text.substring(at + 1), true, text);
        if (colon >= 0) return split(text.substring(0, colon), text.substring(colon + 1), false, text);
        return new Spec(name(text, text), null);
    }

    /** The split form: {@code name} and an optional {@code version} requirement (null when absent). */
    public static Spec parse(String name, String version) {
        if (version == null) return new Spec(name(name, name), null);
        return new Spec(name(name, name), req(version, false, version));
    }

    private static Spec split(String name, String version, boolean exact, String whole) {
        return new Spec(name(name, whole), req(version, exact, whole));
    }

    private static String name(String name, String whole) {
        if (name.isEmpty()) throw new IllegalArgumentException("`" + whole + "` has no crate name");
        if (name.length() > 64) throw new IllegalArgumentException("`" + name + "` is longer than a crate name may be (64)");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                throw new IllegalArgumentException("`" + whole + "` is not a crate spec: write `name`, `name@version` or `name:requirement`"
                        + " (the name may hold only letters, digits, `-` and `_`)");
            }
        }
        return name;
    }

    private static VersionReq req(String version, boolean exact, String whole) {
        VersionReq req;
        try {
            req = VersionReq.parse(version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`" + whole + "`: " + e.getMessage());
        }
        if (!exact) return req;
        // cargo-deny makes the first comparator exact: name@1.2.3 is =1.2.3, name@1.2 is =1.2.
        String t = req.toString();
        if (t.equals("*") || t.equals("x") || t.equals("X")) return req;
        String first = t.split(",", -1)[0].trim();
        String rest = t.substring(t.indexOf(first) + first.length());
        String bare = first.replaceFirst("^(>=|<=|>|<|=|\\^|~)\\s*", "");
        return VersionReq.parse("=" + bare + rest);
    }
}
