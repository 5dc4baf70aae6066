package dev.tollgate.api.facts;

import java.util.List;

/**
 * One {@code [[package]]} of Cargo.lock (or one package of {@code cargo metadata}).
 *
 * @param id        unique id: {@code name@version}, with {@code " (source)"} appended only when two
 *                  locked packages share name and version
 * @param member    true for workspace members
 * @param dependencies ids of the packages this one depends on, as resolved in the lockfile
 * @param origin    the package's {@code [[package]]} line in Cargo.lock
 */
public record LockedPackage(String id, String name, String version, Source source, String checksum,
                            boolean member, List<String> dependencies, Location origin) {
    public LockedPackage {
        dependencies = List.copyOf(dependencies);
        checksum = checksum == null ? "" : checksum;
    }

    /** {@code name@version}, the way findings name a package. */
    public String spec() {
        return name + "@" + version;
    }
}
