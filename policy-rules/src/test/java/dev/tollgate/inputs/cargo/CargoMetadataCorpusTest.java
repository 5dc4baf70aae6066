package dev.tollgate.inputs.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real {@code cargo metadata} dumps in ../shared/corpus/cargo-metadata, read in place. */
class CargoMetadataCorpusTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "cargo-deny-06_metadata.json", "guppy-determinator-linux-metadata.json", "guppy-metadata_guppy_44b62fa.json",
        "guppy-metadata_guppy_78cb7e8.json", "krates-all-features.json", "krates-direct.json", "krates-pid-stable.json",
    })
    void everyDumpReads(String name) throws IOException {
        Path file = Corpus.file("cargo-metadata/" + name);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        CargoWorkspace ws = MetadataReader.read(file, "cargo-metadata/" + name, null);

        assertEquals(json.get("packages").size(), ws.packages().size());
        assertEquals(json.get("workspace_members").size(), ws.members().size());
        Set<String> ids = ws.packages().stream().map(LockedPackage::id).collect(Collectors.toSet());
        assertEquals(ws.packages().size(), ids.size(), "ids are unique (krates-pid-stable locks krates 0.16.10 thrice)");
        for (DependencyEdge e : ws.edges()) {
            assertTrue(ids.contains(e.from()) && ids.contains(e.to()), e.toString());
        }
        assertEquals(ws.packages().size() - ws.members().size(), ws.inclusions().size());
        JsonNode resolve = json.get("resolve");
        int kinds = 0;
        if (resolve != null && !resolve.isNull()) {
            for (JsonNode node : resolve.get("nodes")) {
                for (JsonNode dep : node.get("deps")) kinds += dep.get("dep_kinds").size();
            }
        }
        assertEquals(kinds, ws.edges().size(), "one edge per resolved dependency kind");
    }

    /**
     * Member dependency declarations from each dump: {@code packages[].dependencies[]} of the members, counted
     * by hand in the JSON. Metadata says {@code req: "*"} for a path or git dependency written without a
     * version (a path dependency has {@code source: null}, and before Cargo 1.51 no {@code path}); those read
     * as no requirement. Every one is a wildcard for cargo-deny; one registry dependency in krates-pid-stable
     * (objc2) is required as {@code *} itself. Each unconditional declaration resolves to a package of the dump,
     * except in guppy 44b62fa, a {@code --no-deps} dump (no resolve, members only) where only path
     * dependencies on other members can.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "cargo-deny-06_metadata.json,              9, 0, 0",
        "guppy-determinator-linux-metadata.json,  97, 16, 0",
        "guppy-metadata_guppy_44b62fa.json,      166, 15, 0",
        "guppy-metadata_guppy_78cb7e8.json,       71, 13, 0",
        "krates-all-features.json,                18, 6, 0",
        "krates-direct.json,                       3, 0, 0",
        "krates-pid-stable.json,                  12, 5, 1",
    })
    void memberDeclarations(String name, int declarations, int wildcards, int registryWildcards) {
        Path file = Corpus.file("cargo-metadata/" + name);
        CargoWorkspace ws = MetadataReader.read(file, "cargo-metadata/" + name, null);
        List<dev.tollgate.api.facts.DeclaredDependency> decls = ws.declarations();
        assertEquals(declarations, decls.size());
        assertEquals(wildcards, decls.stream().filter(dev.tollgate.api.facts.DeclaredDependency::isWildcard).count());
        assertEquals(registryWildcards, decls.stream().filter(d -> d.isWildcard() && !d.isPathOrGit()).count());
        assertTrue(decls.stream().filter(d -> d.isWildcard() && d.isPathOrGit()).allMatch(d -> d.req() == null));
        Set<String> ids = ws.packages().stream().map(LockedPackage::id).collect(Collectors.toSet());
        for (dev.tollgate.api.facts.DeclaredDependency d : decls) {
            boolean resolvable = ws.packages().size() > ws.members().size() || !d.path().isEmpty();
            if (!d.optional() && d.target().isEmpty() && resolvable) assertTrue(ids.contains(d.packageId()), d.toString());
        }
    }

    @Test
    void guppyDeterminatorPathAndGitWildcards() {
        Path file = Corpus.file("cargo-metadata/guppy-determinator-linux-metadata.json");
        CargoWorkspace ws = MetadataReader.read(file, "guppy-determinator-linux-metadata.json", null);
        dev.tollgate.api.facts.DeclaredDependency cargo = ws.declarations().stream()
                .filter(d -> d.name().equals("cargo")).findFirst().orElseThrow();
        assertEquals("https://github.com/rust-lang/cargo.git", cargo.git());
        assertEquals(null, cargo.req());
        dev.tollgate.api.facts.DeclaredDependency fixtures = ws.declarations().stream()
                .filter(d -> d.name().equals("fixtures") && d.kind() == DepKind.DEV).findFirst().orElseThrow();
        assertTrue(fixtures.isWildcard());
        assertTrue(fixtures.isPathOrGit(), "source null, no path field: a path dependency, its directory from the package");
        assertTrue(fixtures.path().endsWith("fixtures"), fixtures.path());
    }

    /**
     * cargo-deny's advisories example: its metadata dump and the Cargo.lock beside it. Cargo.lock
     * is resolved with every feature of every member enabled; the dump was made with default
     * features and without --filter-platform (all targets). The one member ("advisories") declares
     * no [features] and no optional, dev or target-specific dependency, so both describe the same
     * graph: the same 194 package ids and the same 370 (from, to) pairs. Dev-dependencies of
     * non-members are in neither (Cargo resolves them only for members).
     *
     * <p>What differs is what an edge says. From the lockfile, every edge is NORMAL, non-optional,
     * unconditional and undeclared (a lockfile records none of that). From metadata, each edge is
     * declared and carries its kind and target cfg: 27 are BUILD edges (build scripts' dependencies
     * such as autocfg and cc) and 56 are target-specific (libc behind cfg(unix), winapi behind
     * cfg(windows), ...). Metadata gives one edge per dependency kind; here no pair has two kinds, so
     * the edge count equals the pair count. And 35 edges below the member are optional dependencies
     * that some feature enabled, which metadata's declarations say and the lockfile cannot.
     */
    @Test
    void metadataAndLockfileAgreeOnCargoDenyExample() {
        Path lockFile = Corpus.file("cargo-metadata/cargo-deny-06_Cargo.lock");
        CargoLock lock = CargoLockReader.read(lockFile, "cargo-metadata/cargo-deny-06_Cargo.lock");
        CargoWorkspace meta = MetadataReader.read(Corpus.file("cargo-metadata/cargo-deny-06_metadata.json"),
                "cargo-metadata/cargo-deny-06_metadata.json", lockFile);

        Set<String> lockIds = lock.packages().stream().map(LockedPackage::id).collect(Collectors.toSet());
        Set<String> metaIds = meta.packages().stream().map(LockedPackage::id).collect(Collectors.toSet());
        assertEquals(194, lockIds.size());
        assertEquals(lockIds, metaIds);

        Set<List<String>> lockPairs = new HashSet<>();
        for (LockedPackage p : lock.packages()) {
            for (String d : p.dependencies()) lockPairs.add(List.of(p.id(), d));
        }
        Set<List<String>> metaPairs = meta.edges().stream().map(e -> List.of(e.from(), e.to())).collect(Collectors.toSet());
        assertEquals(370, lockPairs.size());
        assertEquals(lockPairs, metaPairs);
        assertEquals(metaPairs.size(), meta.edges().size(), "no pair has two kinds in this dump");

        // What only metadata says.
        assertTrue(meta.edges().stream().allMatch(DependencyEdge::declared));
        assertEquals(27, meta.edges().stream().filter(e -> e.kind() == DepKind.BUILD).count());
        assertEquals(56, meta.edges().stream().filter(e -> !e.target().isEmpty()).count());
        assertEquals(0, meta.edges().stream().filter(e -> e.kind() == DepKind.DEV).count());
        assertEquals(35, meta.edges().stream().filter(DependencyEdge::optional).count());

        // With the lockfile given, metadata packages carry its lines and checksums.
        Map<String, LockedPackage> byId = lock.packages().stream().collect(Collectors.toMap(LockedPackage::id, Function.identity()));
        for (LockedPackage p : meta.packages()) {
            assertEquals(byId.get(p.id()).origin(), p.origin(), p.id());
            assertEquals(byId.get(p.id()).checksum(), p.checksum(), p.id());
            assertEquals(byId.get(p.id()).source(), p.source(), p.id());
        }
        assertEquals(List.of("advisories@0.1.0"), meta.members().stream().map(m -> m.id()).toList());
        assertTrue(meta.inclusions().stream().allMatch(i -> i.reachable() && i.viaDefaults()));
    }
}
