package dev.tollgate.api.facts;

/**
 * A resolved dependency between two locked packages.
 *
 * <p>Below workspace members, a lockfile does not record kinds or optionality: such edges come
 * from the lockfile as {@code NORMAL}, non-optional, with {@code declared == false}. Edges out of
 * workspace members come from their manifests (or from {@code cargo metadata}) and carry the kind,
 * whether the dependency is optional, and its {@code target} cfg ("" when unconditional).
 *
 * @param from     id of the depending package
 * @param to       id of the dependency
 * @param name     the name the dependency is declared under (differs from the package name when renamed)
 * @param kind     normal, dev or build ({@code NORMAL} when inferred from the lockfile)
 * @param optional the dependency is {@code optional = true} (enabled only through a feature)
 * @param target   the {@code [target.'cfg(...)'.dependencies]} key it is declared under, e.g. {@code cfg(windows)}; ""
 *                 when unconditional
 * @param declared true when kind/optional/target are known (manifest or metadata), false when inferred from the lockfile
 * @param origin   where the dependency is declared (a member manifest line), or the lockfile package line
 */
public record DependencyEdge(String from, String to, String name, DepKind kind, boolean optional,
                             String target, boolean declared, Location origin) {
    /**
     * A null {@code target} becomes "".
     *
     * @param from     id of the depending package
     * @param to       id of the dependency
     * @param name     the name the dependency is declared under (differs from the package name when renamed)
     * @param kind     normal, dev or build ({@code NORMAL} when inferred from the lockfile)
     * @param optional the dependency is {@code optional = true} (enabled only through a feature)
     * @param target   the {@code [target.'cfg(...)'.dependencies]} key it is declared under, e.g. {@code cfg(windows)};
     *                 "" when unconditional
     * @param declared true when kind/optional/target are known (manifest or metadata), false when inferred from the
     *                 lockfile
     * @param origin   where the dependency is declared (a member manifest line), or the lockfile package line
     */
    public DependencyEdge {
        target = target == null ? "" : target;
    }
}
