package dev.tollgate.api.facts;

import java.util.List;

/**
 * One entry of the workspace root's {@code [workspace.dependencies]} table.
 *
 * @param name        the key members inherit it by ({@code name.workspace = true})
 * @param packageName the package it names ({@code package = "..."} when renamed)
 * @param req         the version requirement as written, "" when none
 * @param path        the path as written, relative to the workspace root ("" when none)
 * @param git         the git URL as written ("" when none)
 * @param packageIds  the locked packages the entry can resolve to, as cargo-deny resolves it: same package
 *                    name, same kind of source (a path package for {@code path}, the same repository for
 *                    {@code git}, a registry package otherwise) and a version its requirement matches
 * @param origin      the entry's line in the root {@code Cargo.toml}
 */
public record WorkspaceDependency(String name, String packageName, String req, String path, String git,
                                  List<String> packageIds, Location origin) {
    /**
     * Copies {@code packageIds} (the fact is immutable); a null {@code req}, {@code path} or {@code git} becomes "";
     * a null {@code packageIds} is empty.
     *
     * @param name        the key members inherit it by ({@code name.workspace = true})
     * @param packageName the package it names ({@code package = "..."} when renamed)
     * @param req         the version requirement as written, "" when none
     * @param path        the path as written, relative to the workspace root ("" when none)
     * @param git         the git URL as written ("" when none)
     * @param packageIds  the locked packages the entry can resolve to, as cargo-deny resolves it: same package name,
     *                    same kind of source (a path package for {@code path}, the same repository for {@code git}, a
     *                    registry package otherwise) and a version its requirement matches
     * @param origin      the entry's line in the root {@code Cargo.toml}
     */
    public WorkspaceDependency {
        req = req == null ? "" : req;
        path = path == null ? "" : path;
        git = git == null ? "" : git;
        packageIds = packageIds == null ? List.of() : List.copyOf(packageIds);
    }
}
