package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DeclaredDependency;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceDependency;
import dev.tollgate.api.facts.WorkspaceMember;

import java.util.List;
import java.util.Optional;

/**
 * The Cargo facts of one workspace, from manifests and lockfile ({@link WorkspaceLoader}) or from
 * {@code cargo metadata} ({@link MetadataReader}).
 *
 * @param members         the workspace members
 * @param packages        every locked package, members included ({@code member == true})
 * @param edges           resolved dependencies between package ids
 * @param inclusions      one per non-member package, in {@code packages} order
 * @param lockfileDisplay the lockfile's display path, "" when none was read
 * @param metadata        per package id, what {@code cargo metadata} says beyond the lockfile (license,
 *                        publish); empty when the facts come from the lockfile and manifests
 * @param declarations    every dependency declaration of every member, in member then file order
 * @param workspaceDependencies the root's {@code [workspace.dependencies]} entries (empty when unknown)
 */
public record CargoWorkspace(List<WorkspaceMember> members, List<LockedPackage> packages, List<DependencyEdge> edges,
                             List<Inclusion> inclusions, String lockfileDisplay, java.util.Map<String, PackageMeta> metadata,
                             List<DeclaredDependency> declarations, List<WorkspaceDependency> workspaceDependencies) {
    public CargoWorkspace {
        members = List.copyOf(members);
        packages = List.copyOf(packages);
        edges = List.copyOf(edges);
        inclusions = List.copyOf(inclusions);
        metadata = java.util.Map.copyOf(metadata);
        declarations = List.copyOf(declarations);
        workspaceDependencies = List.copyOf(workspaceDependencies);
    }

    public CargoWorkspace(List<WorkspaceMember> members, List<LockedPackage> packages, List<DependencyEdge> edges,
                          List<Inclusion> inclusions, String lockfileDisplay, java.util.Map<String, PackageMeta> metadata) {
        this(members, packages, edges, inclusions, lockfileDisplay, metadata, List.of(), List.of());
    }

    public CargoWorkspace(List<WorkspaceMember> members, List<LockedPackage> packages, List<DependencyEdge> edges,
                          List<Inclusion> inclusions, String lockfileDisplay) {
        this(members, packages, edges, inclusions, lockfileDisplay, java.util.Map.of());
    }

    /** Whether the facts came from {@code cargo metadata} (which knows licenses). */
    public boolean hasMetadata() {
        return !metadata.isEmpty();
    }

    public Optional<WorkspaceMember> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<LockedPackage> pkg(String id) {
        return packages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Inclusion> inclusion(String packageId) {
        return inclusions.stream().filter(i -> i.packageId().equals(packageId)).findFirst();
    }
}
