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
 * @param requests        what member dependency declarations ask of other members (features), kept so that
 *                        {@link #withGraph} can recompute the inclusions
 * @param memberFeatures  per member id, the features it is built with in the graph of {@link #inclusions}
 *                        (the feature closure; with metadata, as the manifests tell it too)
 * @param resolvedFeatures per package id, the features {@code cargo metadata} resolved
 *                        ({@code resolve.nodes[].features}); empty without metadata, where only members'
 *                        features are known
 * @param declaredFeatures per package id, its {@code [features]} table as {@code cargo metadata} gives it
 *                        (implicit features of optional dependencies included); empty without metadata
 */
public record CargoWorkspace(List<WorkspaceMember> members, List<LockedPackage> packages, List<DependencyEdge> edges,
                             List<Inclusion> inclusions, String lockfileDisplay, java.util.Map<String, PackageMeta> metadata,
                             List<DeclaredDependency> declarations, List<WorkspaceDependency> workspaceDependencies,
                             List<InclusionGraph.FeatureRequest> requests,
                             java.util.Map<String, java.util.Set<String>> memberFeatures,
                             java.util.Map<String, List<String>> resolvedFeatures,
                             java.util.Map<String, java.util.Map<String, List<String>>> declaredFeatures) {
    public CargoWorkspace {
        members = List.copyOf(members);
        packages = List.copyOf(packages);
        edges = List.copyOf(edges);
        inclusions = List.copyOf(inclusions);
        metadata = java.util.Map.copyOf(metadata);
        declarations = List.copyOf(declarations);
        workspaceDependencies = List.copyOf(workspaceDependencies);
        requests = requests == null ? List.of() : List.copyOf(requests);
        memberFeatures = memberFeatures == null ? java.util.Map.of() : java.util.Map.copyOf(memberFeatures);
        resolvedFeatures = resolvedFeatures == null ? java.util.Map.of() : java.util.Map.copyOf(resolvedFeatures);
        declaredFeatures = declaredFeatures == null ? java.util.Map.of() : java.util.Map.copyOf(declaredFeatures);
    }

    public CargoWorkspace(List<WorkspaceMember> members, List<LockedPackage> packages, List<DependencyEdge> edges,
                          List<Inclusion> inclusions, String lockfileDisplay, java.util.Map<String, PackageMeta> metadata) {
        this(members, packages, edges, inclusions, lockfileDisplay, metadata, List.of(), List.of(), List.of(), null, null, null);
    }

    /**
     * The same workspace with the inclusions (and member features) of the graph {@code options} ask for:
     * {@code [graph]} features, no-default-features, all-features and targets.
     *
     * @throws dev.tollgate.inputs.io.InputException when targets are listed and a dependency has a malformed cfg
     */
    public CargoWorkspace withGraph(GraphOptions options) {
        if (options.isDefault() && !options.allFeatures()) return this;
        InclusionGraph.Result r = InclusionGraph.compute(members, packages, edges, requests, options);
        List<DeclaredDependency> inGraph = new java.util.ArrayList<>(declarations.size());
        for (DeclaredDependency d : declarations) {
            boolean in = !d.optional() || options.allFeatures()
                    || r.enabledOptional().getOrDefault(d.member(), java.util.Set.of()).contains(d.name());
            inGraph.add(d.withInGraph(in));
        }
        return new CargoWorkspace(members, packages, edges, r.inclusions(), lockfileDisplay, metadata, inGraph,
                workspaceDependencies, requests,
                r.memberFeatures(), resolvedFeatures, declaredFeatures);
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
