package dev.tollgate.engine;

import dev.tollgate.api.facts.AllowKind;
import dev.tollgate.api.facts.AllowedSource;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.GraphConfig;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.RunContext;
import dev.tollgate.api.facts.SourcesConfig;
import dev.tollgate.inputs.cargo.SourceParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small hand-built fact sets for engine tests. */
final class Facts {
    private Facts() {
    }

    static LockedPackage pkg(String name, String version, String source, int line) {
        return new LockedPackage(name + "@" + version, name, version, SourceParser.parse(source), "", false, List.of(),
                Location.of("Cargo.lock", line, 1));
    }

    static Inclusion direct(String id) {
        return new Inclusion(id, true, true, List.of(), Set.of(DepKind.NORMAL), true, List.of("app@0.1.0", id));
    }

    /** A workspace locking one crates.io crate, one git crate from example-org and one from a private registry. */
    static List<Object> sample() {
        List<Object> facts = new ArrayList<>();
        facts.add(new RunContext(Set.of("sources"), "Cargo.lock", "deny.toml"));
        facts.add(SourcesConfig.defaults("deny.toml"));
        facts.add(GraphConfig.defaults("deny.toml"));
        facts.add(new AllowedSource(AllowKind.REGISTRY, SourceParser.CRATES_IO_GIT, "crates.io", "", "", true, Location.file("deny.toml")));
        LockedPackage serde = pkg("serde", "1.0.0", "registry+https://github.com/rust-lang/crates.io-index", 10);
        LockedPackage gitDep = pkg("gizmo", "0.3.0", "git+https://github.com/Example-Org/gizmo?rev=abc#abcdef", 20);
        LockedPackage other = pkg("secret", "2.0.0", "registry+https://registry.example.com/index", 30);
        for (LockedPackage p : List.of(serde, gitDep, other)) {
            facts.add(p);
            facts.add(direct(p.id()));
        }
        return facts;
    }
}
