package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.Location;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code Cargo.toml} that fact extraction needs, as written (inheritance from the
 * workspace is resolved by {@link WorkspaceLoader}).
 *
 * @param displayPath  the manifest's path relative to the repository root
 * @param pkg          the {@code [package]} section, null for a virtual manifest
 * @param dependencies every dependency declaration (all kinds, all targets), in file order
 * @param workspace    the {@code [workspace]} section, null when absent
 */
public record Manifest(String displayPath, Package pkg, List<Dependency> dependencies, Workspace workspace) {
    public Manifest {
        dependencies = List.copyOf(dependencies);
    }

    public boolean isVirtual() {
        return pkg == null;
    }

    /**
     * The {@code [package]} section.
     *
     * @param version          the version as written; for an inherited version "" (see
     *                         {@code versionInherited}); "0.0.0" when absent, as Cargo defaults it
     * @param publish          false for {@code publish = false} or an empty registry list; meaningless when
     *                         {@code publishInherited}
     * @param publishInherited {@code publish.workspace = true}
     * @param features         the {@code [features]} table in manifest order
     * @param origin           the {@code [package]} header line
     * @param rustVersion      {@code rust-version} as written, "" when absent or inherited
     * @param rustVersionInherited {@code rust-version.workspace = true}
     */
    public record Package(String name, String version, boolean versionInherited, boolean publish,
                          boolean publishInherited, Map<String, List<String>> features, Location origin,
                          String rustVersion, boolean rustVersionInherited) {
        public Package {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            features.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            features = Collections.unmodifiableMap(copy);
            rustVersion = rustVersion == null ? "" : rustVersion;
        }

        public Package(String name, String version, boolean versionInherited, boolean publish,
                       boolean publishInherited, Map<String, List<String>> features, Location origin) {
            this(name, version, versionInherited, publish, publishInherited, features, origin, "", false);
        }
    }

    /**
     * One dependency declaration.
     *
     * @param name            the name it is declared under (the key)
     * @param packageName     the package it names: {@code package = "..."} when renamed, else {@code name}
     * @param target          the {@code [target.X.*]} key ({@code cfg(unix)}, a target triple), "" when unconditional
     * @param workspace       {@code workspace = true}: version, path, git and features come from
     *                        {@code [workspace.dependencies]}
     * @param version         the version requirement as written, "" when none
     * @param path            the {@code path} as written (relative to the declaring manifest's directory, or for
     *                        {@code [workspace.dependencies]} to the workspace root), "" when none
     * @param git             the {@code git} URL, "" when none
     * @param features        the {@code features} list
     * @param defaultFeatures {@code default-features} as written, null when not written (Cargo's default is true)
     * @param origin          the line of the declaration (its key, or its {@code [dependencies.NAME]} header)
     */
    public record Dependency(String name, String packageName, DepKind kind, boolean optional, String target,
                             boolean workspace, String version, String path, String git, List<String> features,
                             Boolean defaultFeatures, Location origin) {
        public Dependency {
            target = target == null ? "" : target;
            features = List.copyOf(features);
        }

        public boolean usesDefaultFeatures() {
            return defaultFeatures == null || defaultFeatures;
        }

        /**
         * This {@code workspace = true} declaration with the workspace's entry applied, as Cargo does:
         * package name (a rename in the workspace entry carries over), version, path and git come from
         * the workspace; features are the union of both
         * lists; {@code optional}, kind, target and origin stay the member's. {@code default-features}:
         * when the workspace entry leaves defaults on, they are on (a member's {@code false} is ignored,
         * with a warning from Cargo); when it turns them off, the member may turn them back on.
         * The path stays relative to the workspace root.
         */
        public Dependency inherit(Dependency fromWorkspace) {
            LinkedHashSet<String> union = new LinkedHashSet<>(fromWorkspace.features);
            union.addAll(features);
            Boolean defaults = fromWorkspace.usesDefaultFeatures() ? fromWorkspace.defaultFeatures
                    : defaultFeatures == null ? Boolean.FALSE : defaultFeatures;
            return new Dependency(name, fromWorkspace.packageName, kind, optional, target, true, fromWorkspace.version, fromWorkspace.path, fromWorkspace.git,
                    new ArrayList<>(union), defaults, origin);
        }
    }

    /**
     * The {@code [workspace]} section.
     *
     * @param members        {@code members} as written (paths and globs)
     * @param exclude        {@code exclude} as written (paths)
     * @param packageVersion {@code workspace.package.version}, "" when absent
     * @param packagePublish {@code workspace.package.publish} resolved like a package's, true when absent
     * @param dependencies   {@code [workspace.dependencies]}, in order (kind NORMAL, no target, never optional)
     * @param origin         the {@code [workspace]} header line
     * @param packageRustVersion {@code workspace.package.rust-version}, "" when absent
     */
    public record Workspace(List<String> members, List<String> exclude, String packageVersion,
                            boolean packagePublish, List<Dependency> dependencies, Location origin,
                            String packageRustVersion) {
        public Workspace {
            members = List.copyOf(members);
            exclude = List.copyOf(exclude);
            dependencies = List.copyOf(dependencies);
            packageRustVersion = packageRustVersion == null ? "" : packageRustVersion;
        }

        public Workspace(List<String> members, List<String> exclude, String packageVersion,
                         boolean packagePublish, List<Dependency> dependencies, Location origin) {
            this(members, exclude, packageVersion, packagePublish, dependencies, origin, "");
        }

        /** The {@code [workspace.dependencies]} entry declared under {@code name}, or null. */
        public Dependency dependency(String name) {
            for (Dependency d : dependencies) {
                if (d.name().equals(name)) return d;
            }
            return null;
        }
    }
}
