package dev.tollgate.api.facts;

/**
 * One {@code allow} entry of a {@code [[bans.build.bypass]]}: a file, relative to the crate, that is not scanned,
 * or (with a checksum) is allowed only while its content has that SHA-256.
 *
 * @param bypass   the {@link BuildBypass} index
 * @param index    the entry's index in {@code allow}
 * @param path     the path relative to the crate root, with {@code /}
 * @param checksum the SHA-256 (lower-case hex), "" when absent
 * @param origin   the entry's {@code path} value in deny.toml
 */
public record BuildBypassPath(int bypass, int index, String path, String checksum, Location origin) {
    /**
     * A null {@code checksum} becomes "".
     *
     * @param bypass   the {@link BuildBypass} index
     * @param index    the entry's index in {@code allow}
     * @param path     the path relative to the crate root, with {@code /}
     * @param checksum the SHA-256 (lower-case hex), "" when absent
     * @param origin   the entry's {@code path} value in deny.toml
     */
    public BuildBypassPath {
        checksum = checksum == null ? "" : checksum;
    }
}
