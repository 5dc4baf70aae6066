package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.SourceKind;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataReaderTest {
    private static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";

    private static CargoWorkspace newIds(boolean withLock) {
        return MetadataReader.read(Fixtures.path("metadata/new-ids.json"), "meta/new-ids.json",
                withLock ? Fixtures.path("metadata/new-ids.lock") : null);
    }

    private static DependencyEdge edge(CargoWorkspace ws, String from, String to) {
        return ws.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to));
    }

    @Test
    void packagesAndMembersFromPackageIdSpecs() {
        CargoWorkspace ws = newIds(false);
        assertEquals(List.of("app@0.1.0", "helper@0.2.0", "serde@1.0.200", "simd-kit@0.2.1", "cc@1.0.80", "libc@0.2.150",
                        "tempfile@3.8.0 (" + CRATES_IO + ")",
                        "tempfile@3.8.0 (git+https://github.com/example/tempfile?branch=fix#0123456789abcdef)"),
                ws.packages().stream().map(LockedPackage::id).toList());
        assertEquals(List.of("app@0.1.0", "helper@0.2.0"), ws.members().stream().map(WorkspaceMember::id).toList());
        WorkspaceMember app = ws.members().get(0);
        assertEquals("Cargo.toml", app.manifestPath());
        assertEquals("", app.dir());
        assertFalse(app.publish(), "publish = [] in metadata");
        assertEquals(List.of("fast"), app.defaultFeatures());
        WorkspaceMember helper = ws.members().get(1);
        assertEquals("helper/Cargo.toml", helper.manifestPath());
        assertEquals("helper", helper.dir());
        assertTrue(helper.publish());
        assertTrue(ws.pkg("app@0.1.0").orElseThrow().member());
        assertEquals(SourceKind.GIT, ws.packages().get(7).source().kind());
        // Without a lockfile, packages point at the metadata file.
        assertEquals("meta/new-ids.json", ws.pkg("serde@1.0.200").orElseThrow().origin().toString());
        assertEquals("", ws.lockfileDisplay());
        assertEquals(List.of("serde@1.0.200", "simd-kit@0.2.1", "cc@1.0.80", "libc@0.2.150",
                "tempfile@3.8.0 (" + CRATES_IO + ")", "helper@0.2.0"), ws.pkg("app@0.1.0").orElseThrow().dependencies());
    }

    @Test
    void edgesCarryKindsTargetsRenamesAndOptionality() {
        CargoWorkspace ws = newIds(false);
        DependencyEdge serde = edge(ws, "app@0.1.0", "serde@1.0.200");
        assertEquals("serde_crate", serde.name(), "the rename");
        assertTrue(serde.declared());
        assertEquals(DepKind.NORMAL, serde.kind());
        assertTrue(edge(ws, "app@0.1.0", "simd-kit@0.2.1").optional());
        assertEquals("simd-kit", edge(ws, "app@0.1.0", "simd-kit@0.2.1").name());
        assertEquals(DepKind.BUILD, edge(ws, "app@0.1.0", "cc@1.0.80").kind());
        assertEquals("cfg(unix)", edge(ws, "app@0.1.0", "libc@0.2.150").target());
        assertEquals("", edge(ws, "helper@0.2.0", "libc@0.2.150").target());
        assertEquals(DepKind.DEV, edge(ws, "app@0.1.0", "tempfile@3.8.0 (" + CRATES_IO + ")").kind());
        assertEquals(7, ws.edges().size());
    }

    @Test
    void inclusions() {
        CargoWorkspace ws = newIds(false);
        Inclusion simd = ws.inclusion("simd-kit@0.2.1").orElseThrow();
        assertTrue(simd.viaDefaults(), "app's default feature fast enables dep:simd-kit");
        Inclusion tempfile = ws.inclusion("tempfile@3.8.0 (" + CRATES_IO + ")").orElseThrow();
        assertEquals(Set.of(DepKind.DEV), tempfile.kinds());
        assertTrue(tempfile.direct());
        Inclusion libc = ws.inclusion("libc@0.2.150").orElseThrow();
        assertEquals(List.of("app@0.1.0", "libc@0.2.150"), libc.path());
        assertFalse(ws.inclusion("tempfile@3.8.0 (git+https://github.com/example/tempfile?branch=fix#0123456789abcdef)")
                .orElseThrow().reachable());
    }

    @Test
    void lockfileGivesLinesAndChecksums() {
        CargoWorkspace ws = newIds(true);
        assertEquals("meta/new-ids.lock", ws.lockfileDisplay());
        LockedPackage cc = ws.pkg("cc@1.0.80").orElseThrow();
        assertEquals("meta/new-ids.lock:17:1", cc.origin().toString());
        assertEquals("1".repeat(64), cc.checksum());
        assertEquals("meta/new-ids.lock:4:1", ws.pkg("app@0.1.0").orElseThrow().origin().toString());
        assertEquals("meta/new-ids.lock:54:1", ws.pkg("tempfile@3.8.0 (" + CRATES_IO + ")").orElseThrow().origin().toString());
        assertEquals("meta/new-ids.lock:4:1", edge(ws, "app@0.1.0", "cc@1.0.80").origin().toString());
    }

    @Test
    void oldIdsAndNodesWithoutDeps() {
        CargoWorkspace ws = MetadataReader.read(Fixtures.path("metadata/old-ids.json"), "old.json", null);
        assertEquals(List.of("tool@1.0.0", "itoa@1.0.9"), ws.packages().stream().map(LockedPackage::id).toList());
        assertEquals(List.of("tool@1.0.0"), ws.members().stream().map(WorkspaceMember::id).toList());
        DependencyEdge e = ws.edges().get(0);
        assertEquals("tool@1.0.0", e.from());
        assertEquals("itoa@1.0.9", e.to());
        assertFalse(e.declared(), "old metadata gives no kinds");
        assertTrue(ws.inclusion("itoa@1.0.9").orElseThrow().viaDefaults());
    }

    @Test
    void parsesBothIdFormats() {
        assertArrayEquals(new String[] {"itoa", "1.0.9", CRATES_IO}, MetadataReader.parseId("itoa 1.0.9 (" + CRATES_IO + ")"));
        assertArrayEquals(new String[] {"tool", "1.0.0", null}, MetadataReader.parseId("tool 1.0.0 (path+file:///src/tool)"));
        assertArrayEquals(new String[] {"serde", "1.0.200", CRATES_IO}, MetadataReader.parseId(CRATES_IO + "#serde@1.0.200"));
        assertArrayEquals(new String[] {"pid", "0.1.0", null}, MetadataReader.parseId("path+file:///home/u/pid#0.1.0"));
        assertArrayEquals(new String[] {"h", "0.2.0", null}, MetadataReader.parseId("path+file:///w/app/helper#h@0.2.0"));
        assertArrayEquals(new String[] {"krates", "0.16.10", "git+https://github.com/o/krates?tag=0.16.10"},
                MetadataReader.parseId("git+https://github.com/o/krates?tag=0.16.10#0.16.10"));
        assertArrayEquals(new String[] {"objc2", "0.3.0-beta.3", "git+https://github.com/o/objc2.git?rev=65de002"},
                MetadataReader.parseId("git+https://github.com/o/objc2.git?rev=65de002#0.3.0-beta.3"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        InputException e = assertThrows(InputException.class,
                () -> MetadataReader.parse("{\n  \"packages\": [\n    {\"name\": }\n  ]\n}\n", "meta.json", null));
        assertEquals("meta.json", e.file());
        assertEquals(3, e.line());
        assertEquals(14, e.column());
        assertTrue(e.getMessage().startsWith("meta.json:3:14: malformed JSON"), e.getMessage());
    }

    @Test
    void truncatedJsonSaysWhereTheOpenArrayStartedWithoutJacksonsSourceBlob() {
        InputException e = assertThrows(InputException.class,
                () -> MetadataReader.parse("{\"packages\": [\n", "meta.json", null));
        assertEquals("meta.json:2:1: malformed JSON: Unexpected end-of-input: expected close marker for Array"
                + " (start marker at line 1, column 14)", e.getMessage());
    }

    @Test
    void wrongShapes() {
        assertEquals("m.json: `packages` is missing or not an array",
                assertThrows(InputException.class, () -> MetadataReader.parse("{}", "m.json", null)).getMessage());
        assertEquals("m.json: not a cargo metadata object",
                assertThrows(InputException.class, () -> MetadataReader.parse("[]", "m.json", null)).getMessage());
        assertThrows(InputException.class, () -> MetadataReader.parse(
                "{\"packages\": [{\"id\": \"x\"}], \"workspace_members\": []}", "m.json", null));
    }

    @Test
    void missingFile(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class,
                () -> MetadataReader.read(dir.resolve("metadata.json"), "metadata.json", null));
        assertEquals("metadata.json: file not found", e.getMessage());
    }
}
