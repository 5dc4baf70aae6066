package dev.tollgate.api.facts;

import java.util.List;

/**
 * One {@code [[package]]} of Cargo.lock (or one package of {@code cargo metadata}).
 *
 * @param id        unique id: {@code name@version}, with {@code " (source)"} appended only when two
 *                  locked packages share name and version
 * @param name      the package name, e.g. {@code serde}
 * @param version   the locked version, e.g. {@code 1.0.219}
 * @param source    where it comes from (crates.io, another registry, git); {@link Source#LOCAL} for path packages and
 *                  members
 * @param checksum  the {@code checksum} of a registry package (SHA-256, lower-case hex); "" when absent (git and path
 *                  packages)
 * @param member    true for workspace members
 * @param dependencies ids of the packages this one depends on, as resolved in the lockfile
 * @param origin    the package's {@code [[package]]} line in Cargo.lock
 */
public record LockedPackage(String id, String name, String version, Source source, String checksum,
                            boolean member, List<String> dependencies, Location origin) {
    /**
     * Copies {@code dependencies} (the fact is immutable); a null {@code checksum} becomes "".
     *
     * @param id           unique id: {@code name@version}, with {@code " (source)"} appended only when two locked
     *                     packages share name and version
     * @param name         the package name, e.g. {@code serde}
     * @param version      the locked version, e.g. {@code 1.0.219}
     * @param source       where it comes from (crates.io, another registry, git); {@link Source#LOCAL} for path
     *                     packages and members
     * @param checksum     the {@code checksum} of a registry package (SHA-256, lower-case hex); "" when absent (git and
     *                     path packages)
     * @param member       true for workspace members
     * @param dependencies ids of the packages this one depends on, as resolved in the lockfile
     * @param origin       the package's {@code [[package]]} line in Cargo.lock
     */
    public LockedPackage {
        dependencies = List.copyOf(dependencies);
        checksum = checksum == null ? "" : checksum;
    }

    /**
     * {@code name@version}, the way findings name a package.
     *
     * @return e.g. {@code serde@1.0.219} (without a source, unlike {@code id})
     */
    public String spec() {
        return name + "@" + version;
    }
}
