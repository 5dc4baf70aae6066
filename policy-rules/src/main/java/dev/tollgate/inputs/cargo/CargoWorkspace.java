package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;

import java.util.List;

/** The Cargo facts of one workspace: members, locked packages, dependency edges, and how each package is reached. */
public record CargoWorkspace(List<WorkspaceMember> members, List<LockedPackage> packages, List<DependencyEdge> edges,
                             List<Inclusion> inclusions, String lockfileDisplay) {
    public CargoWorkspace {
        members = List.copyOf(members);
        packages = List.copyOf(packages);
        edges = List.copyOf(edges);
        inclusions = List.copyOf(inclusions);
    }
}
