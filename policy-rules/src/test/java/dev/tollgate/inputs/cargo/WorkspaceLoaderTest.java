package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixture workspace (src/test/resources/cargo/workspace):
 * <pre>
 * suite (root package)  default = [web]; web = [dep:net, net/json]; secure = [net?/tls]
 *   core (path)          -> helper (path, features = [fast]), log (workspace)
 *   net (path, optional) -> http, libc (cfg(unix)), serde_json (optional: json), rustls (optional: tls)
 *   serde (workspace), pretty_assertions (dev)
 * crates/*    core, net; crates/experimental excluded; crates/notes has no Cargo.toml
 * tools/?ool  pool, tool (not spool);  tool -> cc (optional build dep, implicit feature; parallel = [cc]),
 *             rand 0.8 and rand9 = rand 0.9
 * vendored/helper  a member only because core depends on it by path;
 *                  -> itoa, memchr (optional: fast), wide (optional: simd)
 * rustls -> ring -> cc; serde_json -> itoa, serde; pretty_assertions -> diff; orphan: used by nobody
 * </pre>
 */
class WorkspaceLoaderTest {
    private static final CargoWorkspace WS = WorkspaceLoader.load(Fixtures.path("workspace"), null);

    private static WorkspaceMember member(String name) {
        return WS.member(name).orElseThrow(() -> new AssertionError("no member " + name));
    }

    private static Inclusion inclusion(String id) {
        return WS.inclusion(id).orElseThrow(() -> new AssertionError("no inclusion for " + id));
    }

    private static DependencyEdge edge(String from, String to, DepKind kind) {
        return WS.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to) && e.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to + " " + kind));
    }

    @Test
    void membersFromGlobsExcludesRootAndPathDependencies() {
        // Cargo's order: each members entry (globs sorted) followed by its path dependencies, then the root.
        assertEquals(List.of("core", "helper", "net", "pool", "tool", "suite"),
                WS.members().stream().map(WorkspaceMember::name).toList());
        WorkspaceMember core = member("core");
        assertEquals("core@1.2.0", core.id());
        assertEquals("1.2.0", core.version());
        assertTrue(core.versionInherited());
        assertEquals("crates/core/Cargo.toml", core.manifestPath());
        assertEquals("crates/core", core.dir());
        assertEquals("crates/core/Cargo.toml:1:1", core.origin().toString());

        WorkspaceMember suite = member("suite");
        assertEquals("", suite.dir());
        assertEquals("Cargo.toml", suite.manifestPath());
        assertEquals("Cargo.toml:14:1", suite.origin().toString());
        assertFalse(suite.publish());
        assertEquals(List.of("web"), suite.defaultFeatures());
        assertTrue(member("net").publish(), "publish.workspace = true, and the workspace does not forbid it");
        assertFalse(member("net").versionInherited());
        assertEquals("vendored/helper/Cargo.toml", member("helper").manifestPath());
    }

    @Test
    void packagesAreTheLockfileWithMembersMarked() {
        assertEquals(22, WS.packages().size());
        assertEquals("Cargo.lock", WS.lockfileDisplay());
        assertEquals(Set.of("core@1.2.0", "helper@0.3.0", "net@0.5.0", "pool@0.1.0", "tool@0.1.0", "suite@1.2.0"),
                Set.copyOf(WS.packages().stream().filter(LockedPackage::member).map(LockedPackage::id).toList()));
        for (WorkspaceMember m : WS.members()) {
            assertTrue(WS.pkg(m.id()).isPresent(), m.id());
        }
        assertEquals("Cargo.lock:141:1", WS.pkg("suite@1.2.0").orElseThrow().origin().toString());
    }

    @Test
    void memberEdgesComeFromManifests() {
        DependencyEdge net = edge("suite@1.2.0", "net@0.5.0", DepKind.NORMAL);
        assertTrue(net.optional());
        assertTrue(net.declared());
        assertEquals("net", net.name());
        assertEquals("Cargo.toml:26:1", net.origin().toString());

        DependencyEdge serde = edge("suite@1.2.0", "serde@1.0.200", DepKind.NORMAL);
        assertEquals("Cargo.toml:27:1", serde.origin().toString(), "serde.workspace = true: the member's line");
        assertFalse(serde.optional());

        assertEquals("cfg(unix)", edge("net@0.5.0", "libc@0.2.150", DepKind.NORMAL).target());
        assertEquals("", edge("net@0.5.0", "http@1.0.0", DepKind.NORMAL).target());
        assertTrue(edge("tool@0.1.0", "cc@1.0.80", DepKind.BUILD).optional());
        assertEquals(DepKind.DEV, edge("suite@1.2.0", "pretty_assertions@1.4.0", DepKind.DEV).kind());
        // One member locks two versions of rand: the version requirement tells them apart.
        assertEquals("rand", edge("tool@0.1.0", "rand@0.8.5", DepKind.NORMAL).name());
        assertEquals("rand9", edge("tool@0.1.0", "rand@0.9.0", DepKind.NORMAL).name());
        assertEquals(3, WS.edges().stream().filter(e -> e.from().equals("tool@0.1.0")).count());
        // Every member edge is declared: each locked dependency of a member matched a declaration.
        Set<String> memberIds = Set.copyOf(WS.members().stream().map(WorkspaceMember::id).toList());
        assertTrue(WS.edges().stream().filter(e -> memberIds.contains(e.from())).allMatch(DependencyEdge::declared));
    }

    @Test
    void edgesBelowMembersComeFromTheLockfile() {
        DependencyEdge e = edge("serde_json@1.0.100", "itoa@1.0.9", DepKind.NORMAL);
        assertFalse(e.declared());
        assertFalse(e.optional());
        assertEquals("itoa", e.name());
        assertEquals("Cargo.lock:131:1", e.origin().toString());
        long lockEdgesBelowMembers = WS.packages().stream().filter(p -> !p.member())
                .mapToLong(p -> p.dependencies().size()).sum();
        assertEquals(lockEdgesBelowMembers, WS.edges().stream().filter(d -> !d.declared()).count());
    }

    @Test
    void inclusionsViaDefaults() {
        assertEquals(16, WS.inclusions().size(), "one per non-member package");
        Inclusion serdeJson = inclusion("serde_json@1.0.100");
        // net's own default is empty, but suite's default feature web forwards net/json: features unify.
        assertTrue(serdeJson.viaDefaults());
        assertEquals(List.of("net@0.5.0", "serde_json@1.0.100"), serdeJson.path());
        assertTrue(serdeJson.direct());
        // core asks helper for feature fast, which enables memchr.
        assertTrue(inclusion("memchr@2.7.1").viaDefaults());
        Inclusion diff = inclusion("diff@0.1.13");
        assertTrue(diff.viaDefaults());
        assertEquals(Set.of(DepKind.DEV), diff.kinds());
        assertFalse(diff.direct());
        assertEquals(List.of("suite@1.2.0", "pretty_assertions@1.4.0", "diff@0.1.13"), diff.path());
        assertEquals(List.of(), diff.featureGates());
        assertEquals(Set.of(DepKind.NORMAL), inclusion("itoa@1.0.9").kinds());
        assertEquals(List.of("helper@0.3.0", "itoa@1.0.9"), inclusion("itoa@1.0.9").path());
    }

    @Test
    void inclusionsBehindFeatures() {
        Inclusion rustls = inclusion("rustls@0.23.0");
        assertTrue(rustls.reachable());
        assertFalse(rustls.viaDefaults());
        // suite's secure = ["net?/tls"] never enables net's tls by itself, and is not a gate.
        assertEquals(List.of("net/tls"), rustls.featureGates());
        assertEquals(List.of("net/tls"), inclusion("ring@0.17.0").featureGates());
        assertEquals(List.of("net@0.5.0", "rustls@0.23.0", "ring@0.17.0"), inclusion("ring@0.17.0").path());
        assertEquals(List.of("helper/simd"), inclusion("wide@0.7.13").featureGates());

        // cc: tool's optional build dependency (implicit feature cc, and parallel = ["cc"]) and below ring.
        Inclusion cc = inclusion("cc@1.0.80");
        assertFalse(cc.viaDefaults());
        assertEquals(List.of("net/tls", "tool/cc", "tool/parallel"), cc.featureGates());
        assertEquals(Set.of(DepKind.NORMAL, DepKind.BUILD), cc.kinds());
        assertTrue(cc.direct());
        assertEquals(List.of("tool@0.1.0", "cc@1.0.80"), cc.path());
    }

    @Test
    void unreachablePackage() {
        Inclusion orphan = inclusion("orphan@1.0.0");
        assertFalse(orphan.reachable());
        assertFalse(orphan.viaDefaults());
        assertEquals(Set.of(), orphan.kinds());
        assertEquals(List.of(), orphan.path());
        assertEquals("it is not reached from any workspace member", orphan.describe());
    }

    @Test
    void memberMissingFromTheLockfile(@TempDir Path dir) throws IOException {
        write(dir, "Cargo.toml", "[workspace]\nmembers = [\"a\"]\n");
        write(dir, "a/Cargo.toml", "\n[package]\nname = \"a\"\nversion = \"0.1.0\"\n");
        write(dir, "Cargo.lock", "version = 3\n\n[[package]]\nname = \"b\"\nversion = \"0.1.0\"\n");
        InputException e = assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, null));
        assertEquals("a/Cargo.toml:2:1: workspace member a 0.1.0 has no entry in Cargo.lock (is the lockfile out of date?)",
                e.getMessage());
    }

    @Test
    void dependencyMissingFromTheLockfile(@TempDir Path dir) throws IOException {
        write(dir, "Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1\"\n");
        write(dir, "Cargo.lock", "version = 3\n\n[[package]]\nname = \"a\"\nversion = \"0.1.0\"\n");
        InputException e = assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, null));
        assertEquals("Cargo.toml:6:1: dependency serde of a is not among its dependencies in Cargo.lock "
                + "(is the lockfile out of date?)", e.getMessage());
    }

    @Test
    void singlePackageWithoutWorkspaceAndAnotherLockfilePath(@TempDir Path dir) throws IOException {
        write(dir, "Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\nb = { path = \"b\" }\n");
        write(dir, "b/Cargo.toml", "[package]\nname = \"b\"\nversion = \"0.2.0\"\n");
        write(dir, "locks/Cargo.lock", "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"0.1.0\"\ndependencies = [\"b\"]\n\n"
                + "[[package]]\nname = \"b\"\nversion = \"0.2.0\"\n");
        CargoWorkspace ws = WorkspaceLoader.load(dir, dir.resolve("locks/Cargo.lock"));
        // Without [workspace], a path dependency is not a member.
        assertEquals(List.of("a@0.1.0"), ws.members().stream().map(WorkspaceMember::id).toList());
        assertEquals("locks/Cargo.lock", ws.lockfileDisplay());
        assertEquals("locks/Cargo.lock:3:1", ws.pkg("a@0.1.0").orElseThrow().origin().toString());
        assertTrue(ws.inclusion("b@0.2.0").orElseThrow().direct());
    }

    @Test
    void declarationMatchingTwoLockedVersionsGetsAnEdgeToEach(@TempDir Path dir) throws IOException {
        // "*" matches both locked versions of rand and nothing else tells them apart.
        write(dir, "Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\nrand = \"*\"\n");
        String crates = "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
        write(dir, "Cargo.lock", "version = 3\n\n[[package]]\nname = \"a\"\nversion = \"0.1.0\"\n"
                + "dependencies = [\"rand 0.8.5\", \"rand 0.9.0\"]\n\n"
                + "[[package]]\nname = \"rand\"\nversion = \"0.8.5\"\n" + crates + "\n"
                + "[[package]]\nname = \"rand\"\nversion = \"0.9.0\"\n" + crates);
        CargoWorkspace ws = WorkspaceLoader.load(dir, null);
        assertEquals(List.of("rand@0.8.5", "rand@0.9.0"), ws.edges().stream().map(DependencyEdge::to).sorted().toList());
        assertTrue(ws.edges().stream().allMatch(e -> e.declared() && e.name().equals("rand") && e.origin().line() == 5));
    }

    @Test
    void inheritedVersionWithoutWorkspaceVersion(@TempDir Path dir) throws IOException {
        write(dir, "Cargo.toml", "[workspace]\nmembers = [\"a\"]\n");
        write(dir, "a/Cargo.toml", "[package]\nname = \"a\"\nversion.workspace = true\n");
        write(dir, "Cargo.lock", "version = 3\n");
        InputException e = assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, null));
        assertEquals("a/Cargo.toml", e.file());
        assertTrue(e.getMessage().contains("workspace.package.version"), e.getMessage());
    }

    @Test
    void undeclaredWorkspaceDependency(@TempDir Path dir) throws IOException {
        write(dir, "Cargo.toml", "[workspace]\n\n[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\nlog.workspace = true\n");
        write(dir, "Cargo.lock", "version = 3\n\n[[package]]\nname = \"a\"\nversion = \"0.1.0\"\n");
        InputException e = assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, null));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("[workspace.dependencies] has no log"), e.getMessage());
    }

    @Test
    void explicitMemberWithoutManifest(@TempDir Path dir) throws IOException {
        write(dir, "Cargo.toml", "[workspace]\nmembers = [\"missing\"]\n");
        write(dir, "Cargo.lock", "version = 3\n");
        InputException e = assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, null));
        assertEquals("Cargo.toml:1:1: workspace member \"missing\" has no Cargo.toml at missing/Cargo.toml", e.getMessage());
    }

    @Test
    void missingRootManifestOrLockfile(@TempDir Path dir) throws IOException {
        assertEquals("Cargo.toml: file not found",
                assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, null)).getMessage());
        write(dir, "Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n");
        assertEquals("Cargo.lock: file not found",
                assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, null)).getMessage());
    }

    static void write(Path dir, String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
