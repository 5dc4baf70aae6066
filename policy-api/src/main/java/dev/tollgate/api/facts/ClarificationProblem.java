package dev.tollgate.api.facts;

/**
 * A {@code [[licenses.clarify]]} entry that was not applied to a package because one of its
 * {@code license-files} does not match the crate's sources on disk (cargo-deny applies a
 * clarification only when every listed file exists and has the listed hash).
 *
 * @param packageId the locked package id ({@link LockedPackage#id()})
 * @param spec      {@code name@version}
 * @param kind      {@code missing} (no such file in the crate's directory) or {@code mismatch} (the hash differs)
 * @param path      the {@code path} of the license-files entry, relative to the crate's directory
 * @param expected  the entry's {@code hash} as written ({@code 0x...}), or "" when it gives none
 * @param actual    the file's hash ({@code 0x...}, cargo-deny's xxHash32 of the text), or "" when missing
 * @param at        the license-files entry in deny.toml
 */
public record ClarificationProblem(String packageId, String spec, String kind, String path, String expected,
                                   String actual, Location at) {
    /**
     * A null {@code expected} or {@code actual} becomes "", a null {@code at} {@link Location#NONE}.
     *
     * @param packageId the locked package id ({@link LockedPackage#id()})
     * @param spec      {@code name@version}
     * @param kind      {@code missing} (no such file in the crate's directory) or {@code mismatch} (the hash differs)
     * @param path      the {@code path} of the license-files entry, relative to the crate's directory
     * @param expected  the entry's {@code hash} as written ({@code 0x...}), or "" when it gives none
     * @param actual    the file's hash ({@code 0x...}, cargo-deny's xxHash32 of the text), or "" when missing
     * @param at        the license-files entry in deny.toml
     */
    public ClarificationProblem {
        if (expected == null) expected = "";
        if (actual == null) actual = "";
        if (at == null) at = Location.NONE;
    }
}
