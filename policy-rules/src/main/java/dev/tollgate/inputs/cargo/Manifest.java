package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;

import java.util.List;
import java.util.Map;

/**
 * What Tollgate reads of one {@code Cargo.toml}: the package, its declared dependencies and the
 * {@code [workspace]} section. Lines are 1-based positions in the manifest (0 when unknown).
 *
 * @param pkg       the {@code [package]} table, or null for a virtual manifest
 * @param workspace the {@code [workspace]} table, or null
 */
public record Manifest(String displayPath, PackageSection pkg, List<Dependency> dependencies, WorkspaceSection workspace) {
    public Manifest {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * @param version          the version, or null when inherited ({@code version.workspace = true}) or absent
     * @param versionInherited {@code version.workspace = true}
     * @param publish          false for {@code publish = false} or {@code publish = []}
     */
    public record PackageSection(String name, String version, boolean versionInherited, boolean publish,
                                 Map<String, List<String>> features, int line) {
    }

    /**
     * One dependency declaration.
     *
     * @param name        the key it is declared under (what features and code call it)
     * @param packageName the real package name ({@code package = "..."} renames; else {@code name})
     * @param target      the cfg or triple of a {@code [target.X.dependencies]} table, "" otherwise
     * @param workspace   {@code workspace = true}: path, version and git come from {@code [workspace.dependencies]}
     * @param features    features it enables on the dependency
     */
    public record Dependency(String name, String packageName, DepKind kind, boolean optional, String target,
                             boolean workspace, String path, String git, String version, List<String> features,
                             boolean defaultFeatures, int line) {
        public Dependency {
            features = List.copyOf(features);
        }
    }

    /**
     * @param packageVersion {@code [workspace.package] version}, or null
     * @param dependencies   {@code [workspace.dependencies]} by name
     */
    public record WorkspaceSection(List<String> members, List<String> exclude, String packageVersion,
                                   Map<String, Dependency> dependencies, int line) {
        public WorkspaceSection {
            members = List.copyOf(members);
            exclude = List.copyOf(exclude);
            dependencies = Map.copyOf(dependencies);
        }
    }
}
