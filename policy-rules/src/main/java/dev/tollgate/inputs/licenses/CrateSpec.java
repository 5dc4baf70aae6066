package dev.tollgate.inputs.licenses;

import dev.tollgate.inputs.cargo.VersionReq;

/**
 * A crate spec of deny.toml: {@code name} or {@code name@req}, where {@code req} is a Cargo version
 * requirement ({@link VersionReq}; a bare {@code 1.2.3} means {@code ^1.2.3}, as in Cargo.toml).
 *
 * @param req the requirement, or null for every version
 */
public record CrateSpec(String name, String req) {

    /** Parses a spec; a malformed one is an {@link IllegalArgumentException} saying what is wrong. */
    public static CrateSpec parse(String text) {
        if (text == null) throw new IllegalArgumentException("a crate spec is `name` or `name@version-requirement`");
        int at = text.indexOf('@');
        String name = at < 0 ? text : text.substring(0, at);
        String req = at < 0 ? null : text.substring(at + 1).trim();
        checkName(name);
        if (req != null && !VersionReq.isValid(req)) {
            throw new IllegalArgumentException("`" + req + "` after `@` is not a version requirement (a crate spec is `name` or `name@version-requirement`)");
        }
        return new CrateSpec(name, req);
    }

    /** A spec from separate {@code name} and {@code version} keys ({@code version} may be null). */
    public static CrateSpec of(String name, String version) {
        checkName(name);
        if (version != null && !VersionReq.isValid(version)) {
            throw new IllegalArgumentException("`" + version + "` is not a version requirement");
        }
        return new CrateSpec(name, version);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("the crate name is empty (a crate spec is `name` or `name@version-requirement`)");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                throw new IllegalArgumentException("`" + name + "` is not a crate name (letters, digits, `-` and `_`)");
            }
        }
    }

    public boolean matches(String packageName, String version) {
        return name.equals(packageName) && (req == null || VersionReq.matches(req, version));
    }

    @Override
    public String toString() {
        return req == null ? name : name + "@" + req;
    }
}
