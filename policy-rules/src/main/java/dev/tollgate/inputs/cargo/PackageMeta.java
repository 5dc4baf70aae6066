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
 * @param buildScript  the {@code src_path} of its {@code custom-build} target (absolute), or null when it has none
 * @param procMacro    it has a {@code proc-macro} target
 * @param features     the features the resolve enables on it (empty when the dump has no resolve)
 */
public record PackageMeta(String license, String licenseFile, String manifestPath, List<String> publish,
                          String buildScript, boolean procMacro, List<String> features) {
    public PackageMeta {
        publish = publish == null ? null : List.copyOf(publish);
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** What the licenses policy reads, without targets or features. */
    public PackageMeta(String license, String licenseFile, String manifestPath, List<String> publish) {
        this(license, licenseFile, manifestPath, publish, null, false, List.of());
    }
}
