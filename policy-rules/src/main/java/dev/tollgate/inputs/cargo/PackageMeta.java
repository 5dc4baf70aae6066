package dev.tollgate.inputs.cargo;

import java.util.List;

/**
 * What {@code cargo metadata} says about a package beyond the lockfile: the fields the licenses
 * policy reads.
 *
 * @param license      the {@code license} field, or null
 * @param licenseFile  the {@code license_file} field, or null
 * @param manifestPath the package's manifest, as metadata gives it (absolute)
 * @param publish      the {@code publish} registries; null means any, empty means {@code publish = false}
 */
public record PackageMeta(String license, String licenseFile, String manifestPath, List<String> publish) {
    public PackageMeta {
        publish = publish == null ? null : List.copyOf(publish);
    }
}
