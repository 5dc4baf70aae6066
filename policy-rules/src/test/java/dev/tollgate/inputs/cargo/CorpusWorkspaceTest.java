package dev.tollgate.inputs.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace loader and the metadata reader on real workspaces nobody here wrote. */
class CorpusWorkspaceTest {
    @Test
    void zeroclawHeadReadsEveryPackageAndMember() {
        Path head = Corpus.file("zeroclaw/head");
        CargoWorkspace ws = WorkspaceLoader.load(head, head.resolve("Cargo.lock"));
        assertEquals(1267, ws.packages().size());
        // The root's [workspace] members list names 29 directories, "." among them.
        assertEquals(29, ws.members().size());
        Set<String> names = ws.members().stream().map(WorkspaceMember::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("zeroclaw", "zeroclaw-channels", "zeroclaw-tool-call-parser", "zerocode", "xtask")), names.toString());
        WorkspaceMember channels = ws.members().stream().filter(m -> m.name().equals("zeroclaw-channels")).findFirst().orElseThrow();
        assertTrue(channels.versionInherited());
        assertEquals("0.8.4", channels.version());
        assertEquals("crates/zeroclaw-channels/Cargo.toml", channels.manifestPath());
        assertFalse(channels.defaultFeatures().contains("whatsapp-web"));
        assertEquals(1267 - 29, ws.inclusions().size(), "one inclusion per non-member package");
        // Every package is reached from some member: a lockfile lists nothing else.
        assertTrue(ws.inclusions().stream().allMatch(Inclusion::reachable));
        Inclusion wacore = ws.inclusions().stream().filter(i -> i.packageId().equals("wacore@0.6.0")).findFirst().orElseThrow();
        assertFalse(wacore.viaDefaults());
        assertEquals(List.of("zeroclaw-channels/whatsapp-web"), wacore.featureGates());
        Inclusion serde = ws.inclusions().stream().filter(i -> i.packageId().startsWith("serde@")).findFirst().orElseThrow();
        assertTrue(serde.viaDefaults());
        // The channels manifest declares whatsapp-rust as optional: the edge says so, with its line.
        DependencyEdge wa = ws.edges().stream()
                .filter(e -> e.from().equals(channels.id()) && e.to().equals("whatsapp-rust@0.6.0")).findFirst().orElseThrow();
        assertTrue(wa.optional() && wa.declared());
        assertEquals(135, wa.origin().line());
    }

    @Test
    void preRationaliseReads() {
        Path pre = Corpus.file("zeroclaw/pre-rationalise");
        CargoWorkspace ws = WorkspaceLoader.load(pre, pre.resolve("Cargo.lock"));
        long locked;
        try {
            locked = Files.readAllLines(pre.resolve("Cargo.lock")).stream().filter(l -> l.equals("[[package]]")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(locked, ws.packages().size());
        assertFalse(ws.members().isEmpty());
    }

    @Test
    void everyMetadataDumpReadsWithAllItsPackages() throws IOException {
        Path dir = Corpus.file("cargo-metadata");
        List<Path> dumps;
        try (Stream<Path> s = Files.list(dir)) {
            dumps = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(7, dumps.size());
        for (Path dump : dumps) {
            int expected = new ObjectMapper().readTree(dump.toFile()).get("packages").size();
            CargoWorkspace ws = MetadataReader.read(dump, dump.getFileName().toString(), null);
            assertEquals(expected, ws.packages().size(), dump.toString());
            assertFalse(ws.members().isEmpty(), dump.toString());
        }
    }

    /**
     * cargo-deny's test workspace ships both its metadata and its lockfile. The lockfile holds every
     * package resolved for any target and feature; this metadata was resolved the same way, so both
     * give the same packages and the same (from, to) edges.
     */
    @Test
    void metadataAndLockfileAgreeOnPackagesAndEdges() throws IOException {
        Path json = Corpus.file("cargo-metadata/cargo-deny-06_metadata.json");
        Path lock = Corpus.file("cargo-metadata/cargo-deny-06_Cargo.lock");
        CargoWorkspace fromMeta = MetadataReader.read(json, "metadata.json", lock);
        CargoLock fromLock = CargoLockReader.read(lock, "Cargo.lock");
        Set<String> metaIds = fromMeta.packages().stream().map(LockedPackage::id).collect(Collectors.toSet());
        Set<String> lockIds = fromLock.packages().stream().map(LockedPackage::id).collect(Collectors.toSet());
        assertEquals(lockIds, metaIds);
        Set<String> metaEdges = new HashSet<>();
        for (DependencyEdge e : fromMeta.edges()) metaEdges.add(e.from() + " -> " + e.to());
        Set<String> lockEdges = new HashSet<>();
        for (LockedPackage p : fromLock.packages()) for (String to : p.dependencies()) lockEdges.add(p.id() + " -> " + to);
        assertEquals(lockEdges, metaEdges);
        // With the lockfile given, metadata packages point at their [[package]] lines.
        assertTrue(fromMeta.packages().stream().allMatch(p -> p.origin().line() > 0));
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(root.get("packages").size(), fromMeta.packages().size());
    }
}
