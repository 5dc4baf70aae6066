package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DeclaredDependency;
import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.WorkspaceDependency;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DeclaredDependency} and {@link WorkspaceDependency} facts: from the manifests (the fixture workspace
 * described in {@link WorkspaceLoaderTest}) and from {@code cargo metadata} (the demo, whose manifests are
 * beside its dump, so both readings must agree).
 */
class DeclaredDependenciesTest {
    private static final CargoWorkspace WS = WorkspaceLoader.load(Fixtures.path("workspace"), null);

    private static DeclaredDependency decl(CargoWorkspace ws, String member, String name, DepKind kind) {
        return ws.declarations().stream().filter(d -> d.member().equals(member) && d.name().equals(name) && d.kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no declaration " + member + " -> " + name + " " + kind));
    }

    @Test
    void pathDependencyWithoutVersionIsAWildcardAtItsLine() {
        DeclaredDependency core = decl(WS, "suite@1.2.0", "core", DepKind.NORMAL);
        assertNull(core.req());
        assertEquals("crates/core", core.path());
        assertTrue(core.isWildcard());
        assertTrue(core.isPathOrGit());
        assertFalse(core.workspace());
        assertEquals("core@1.2.0", core.packageId());
        assertEquals(new Location("Cargo.toml", 25, 1), core.origin());
        // relative to the declaring member's directory in the manifest, to the workspace root in the fact
        assertEquals("vendored/helper", decl(WS, "core@1.2.0", "helper", DepKind.NORMAL).path());
    }

    @Test
    void inheritedDeclarationsCarryTheWorkspaceValues() {
        DeclaredDependency serde = decl(WS, "suite@1.2.0", "serde", DepKind.NORMAL);
        assertTrue(serde.workspace());
        assertEquals("1.0", serde.req());
        assertFalse(serde.isWildcard());
        assertEquals("serde@1.0.200", serde.packageId());
        assertEquals(27, serde.origin().line());
        assertEquals("0.4", decl(WS, "core@1.2.0", "log", DepKind.NORMAL).req());
    }

    @Test
    void kindsRenamesTargetsAndOptionalDependenciesWithTheirFeatures() {
        DeclaredDependency rand9 = decl(WS, "tool@0.1.0", "rand9", DepKind.NORMAL);
        assertEquals("rand", rand9.packageName());
        assertEquals("rand@0.9.0", rand9.packageId());
        assertEquals("cfg(unix)", decl(WS, "net@0.5.0", "libc", DepKind.NORMAL).target());
        assertEquals(DepKind.DEV, decl(WS, "suite@1.2.0", "pretty_assertions", DepKind.DEV).kind());

        DeclaredDependency net = decl(WS, "suite@1.2.0", "net", DepKind.NORMAL);
        assertTrue(net.optional());
        assertTrue(net.enabledByDefault(), "default = [web], web = [dep:net]");
        assertEquals(List.of("suite/web"), net.featureGates());
        DeclaredDependency cc = decl(WS, "tool@0.1.0", "cc", DepKind.BUILD);
        assertFalse(cc.enabledByDefault());
        assertEquals(List.of("tool/cc", "tool/parallel"), cc.featureGates());
        assertTrue(decl(WS, "helper@0.3.0", "memchr", DepKind.NORMAL).enabledByDefault(), "core asks helper for fast");
        assertFalse(decl(WS, "helper@0.3.0", "wide", DepKind.NORMAL).enabledByDefault());
        assertTrue(decl(WS, "net@0.5.0", "http", DepKind.NORMAL).enabledByDefault(), "not optional");
        assertEquals(16, WS.declarations().size(), "suite 4, core 2, net 4, tool 3, helper 3, pool none");
    }

    /**
     * {@code inGraph} follows the feature closure under {@code [graph]}: a feature listed there turns on an
     * optional dependency through a chain of features (the gate itself, {@code widgets}, is not listed), and
     * no-default-features turns off one that only the defaults enable.
     */
    @Test
    void inGraphFollowsTheGraphsFeatureClosure(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"app\"]\n");
        java.nio.file.Files.createDirectories(dir.resolve("app"));
        java.nio.file.Files.writeString(dir.resolve("app/Cargo.toml"), """
                [package]
                name = "app"
                version = "0.1.0"

                [dependencies]
                widget = { version = "1", optional = true }
                gadget = { version = "1", optional = true }

                [features]
                default = ["std"]
                std = ["dep:gadget"]
                full = ["widgets"]
                widgets = ["dep:widget"]
                """);
        java.nio.file.Files.writeString(dir.resolve("Cargo.lock"), """
                version = 4

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = [
                 "gadget",
                 "widget",
                ]

                [[package]]
                name = "gadget"
                version = "1.0.0"
                source = "registry+https://github.com/rust-lang/crates.io-index"

                [[package]]
                name = "widget"
                version = "1.0.0"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                """);
        CargoWorkspace ws = WorkspaceLoader.load(dir, null);
        DeclaredDependency widget = decl(ws, "app@0.1.0", "widget", DepKind.NORMAL);
        DeclaredDependency gadget = decl(ws, "app@0.1.0", "gadget", DepKind.NORMAL);
        assertEquals(List.of("app/widgets"), widget.featureGates());
        assertFalse(widget.enabledByDefault());
        assertFalse(widget.inGraph(), "without [graph], inGraph is enabledByDefault");
        assertTrue(gadget.enabledByDefault());
        assertTrue(gadget.inGraph());

        CargoWorkspace full = ws.withGraph(new GraphOptions(false, false, List.of("full"), List.of(), java.util.Map.of()));
        assertTrue(decl(full, "app@0.1.0", "widget", DepKind.NORMAL).inGraph(), "full -> widgets -> dep:widget");
        assertFalse(decl(full, "app@0.1.0", "widget", DepKind.NORMAL).enabledByDefault(), "enabledByDefault stays the defaults'");
        assertTrue(decl(full, "app@0.1.0", "gadget", DepKind.NORMAL).inGraph());

        CargoWorkspace bare = ws.withGraph(new GraphOptions(true, false, List.of("app/full"), List.of(), java.util.Map.of()));
        assertFalse(decl(bare, "app@0.1.0", "gadget", DepKind.NORMAL).inGraph(), "no-default-features: std is off");
        assertTrue(decl(bare, "app@0.1.0", "widget", DepKind.NORMAL).inGraph(), "app/full names the member's feature");

        CargoWorkspace all = ws.withGraph(new GraphOptions(true, true, List.of(), List.of(), java.util.Map.of()));
        assertTrue(decl(all, "app@0.1.0", "widget", DepKind.NORMAL).inGraph());
        assertTrue(decl(all, "app@0.1.0", "gadget", DepKind.NORMAL).inGraph(), "all-features");
    }

    @Test
    void workspaceDependencyEntriesWithTheirPackages() {
        assertEquals(List.of("log", "serde"), WS.workspaceDependencies().stream().map(WorkspaceDependency::name).toList());
        WorkspaceDependency serde = WS.workspaceDependencies().get(1);
        assertEquals("1.0", serde.req());
        assertEquals(List.of("serde@1.0.200"), serde.packageIds());
        assertEquals(new Location("Cargo.toml", 12, 1), serde.origin());
    }

    /**
     * The demo has manifests, a lockfile and a metadata dump of the same workspace: the two readings give the
     * same declarations, but for the requirement's spelling (metadata prints Cargo's normalized {@code ^1.0.98}
     * for {@code 1.0.98}).
     */
    @Test
    void metadataAndManifestsGiveTheSameDeclarationsForTheDemo() {
        Path demo = Corpus.fixture("demo");
        CargoWorkspace fromManifests = WorkspaceLoader.load(demo, null);
        CargoWorkspace fromMetadata = MetadataReader.readBeside(demo, demo.resolve("cargo-metadata.json"), "cargo-metadata.json",
                demo.resolve("Cargo.lock"));
        assertEquals(8, fromManifests.declarations().size());
        assertEquals(normalized(fromManifests.declarations()), normalized(fromMetadata.declarations()));
        assertEquals(fromManifests.workspaceDependencies(), fromMetadata.workspaceDependencies());

        DeclaredDependency widgets = decl(fromMetadata, "demo-plugins@0.3.1", "fancy-widgets", DepKind.NORMAL);
        assertNull(widgets.req(), "metadata's `*` for a git dependency is no requirement");
        assertEquals("https://github.com/unvetted-org/fancy-widgets", widgets.git());
        assertFalse(widgets.enabledByDefault());
        assertEquals(List.of("demo-plugins/widgets"), widgets.featureGates());
        DeclaredDependency core = decl(fromMetadata, "demo-cli@0.3.1", "demo-core", DepKind.NORMAL);
        assertTrue(core.workspace(), "from the manifest beside the dump");
        assertEquals("crates/demo-core", core.path());
        assertEquals("crates/demo-cli/Cargo.toml", core.origin().file());

        // Without the manifests, metadata alone knows no lines and no `workspace = true`.
        CargoWorkspace alone = MetadataReader.read(demo.resolve("cargo-metadata.json"), "cargo-metadata.json", null);
        DeclaredDependency bare = decl(alone, "demo-cli@0.3.1", "demo-core", DepKind.NORMAL);
        assertFalse(bare.workspace());
        assertEquals(Location.file("crates/demo-cli/Cargo.toml"), bare.origin());
        assertTrue(alone.workspaceDependencies().isEmpty());
    }

    private static List<DeclaredDependency> normalized(List<DeclaredDependency> in) {
        return in.stream().map(d -> new DeclaredDependency(d.member(), d.name(), d.packageName(), d.kind(),
                d.req() == null ? null : d.req().matches("[0-9].*") ? "^" + d.req() : d.req(), d.path(), d.git(),
                d.workspace(), d.optional(), d.target(), d.enabledByDefault(), d.inGraph(), d.featureGates(), d.packageId(), d.origin()))
                .sorted(java.util.Comparator.comparing((DeclaredDependency d) -> d.member() + " " + d.name() + " " + d.kind()))
                .toList();
    }
}
