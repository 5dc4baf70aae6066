package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestReaderTest {
    private static final String FILE = "crates/gadget/Cargo.toml";

    private static Manifest gadget() {
        return ManifestReader.read(Fixtures.path("manifest/Cargo.toml"), FILE);
    }

    private static Manifest.Dependency dep(Manifest m, String name, DepKind kind) {
        return m.dependencies().stream().filter(d -> d.name().equals(name) && d.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " dependency " + name));
    }

    @Test
    void packageSection() {
        Manifest.Package p = gadget().pkg();
        assertEquals("gadget", p.name());
        assertTrue(p.versionInherited());
        assertEquals("", p.version());
        assertFalse(p.publish(), "publish = [] forbids publishing");
        assertFalse(p.publishInherited());
        assertEquals(FILE + ":2:1", p.origin().toString());
        assertEquals(List.of("default", "std", "json", "tls", "everything"), List.copyOf(p.features().keySet()));
        assertEquals(List.of("dep:serde_json", "serde?/derive"), p.features().get("json"));
        assertNull(gadget().workspace());
        assertFalse(gadget().isVirtual());
    }

    @Test
    void dependenciesInFileOrderWithTheirLines() {
        List<String> names = gadget().dependencies().stream()
                .map(d -> d.name() + ":" + d.kind().word() + ":" + d.origin().line()).toList();
        assertEquals(List.of("serde:normal:16", "serde_json:normal:17", "net:normal:18", "log:normal:19",
                "rustls:normal:20", "old-name:normal:21", "bytes:normal:23", "pretty_assertions:dev:28",
                "cc:build:31", "libc:normal:34", "windows-sys:dev:37"), names);
    }

    @Test
    void inlineTablesAndOptionalDependencies() {
        Manifest m = gadget();
        Manifest.Dependency serde = dep(m, "serde", DepKind.NORMAL);
        assertTrue(serde.optional());
        assertEquals("1.0", serde.version());
        assertEquals(Boolean.FALSE, serde.defaultFeatures());
        assertFalse(serde.usesDefaultFeatures());
        assertEquals(List.of("alloc"), serde.features());
        assertEquals("", serde.target());
        assertFalse(serde.workspace());

        Manifest.Dependency json = dep(m, "serde_json", DepKind.NORMAL);
        assertNull(json.defaultFeatures());
        assertTrue(json.usesDefaultFeatures());
    }

    @Test
    void renamesPathsAndGit() {
        Manifest m = gadget();
        Manifest.Dependency net = dep(m, "net", DepKind.NORMAL);
        assertEquals("gadget-net", net.packageName());
        assertEquals("../net", net.path());
        assertEquals("0.3", net.version());
        Manifest.Dependency git = dep(m, "old-name", DepKind.NORMAL);
        assertEquals("new-name", git.packageName());
        assertEquals("https://github.com/example/old", git.git());
        assertEquals("", git.version());
    }

    @Test
    void dottedKeysAndWorkspaceInheritance() {
        Manifest m = gadget();
        Manifest.Dependency log = dep(m, "log", DepKind.NORMAL);
        assertTrue(log.workspace());
        assertEquals("log", log.packageName());
        assertEquals("", log.version());
        Manifest.Dependency rustls = dep(m, "rustls", DepKind.NORMAL);
        assertTrue(rustls.workspace());
        assertTrue(rustls.optional());
        assertEquals(List.of("ring"), rustls.features());
    }

    @Test
    void dependencyTables() {
        Manifest.Dependency bytes = dep(gadget(), "bytes", DepKind.NORMAL);
        assertEquals("1.5", bytes.version());
        assertEquals(Boolean.FALSE, bytes.defaultFeatures());
        assertEquals(FILE + ":23:1", bytes.origin().toString(), "the [dependencies.bytes] header");
    }

    @Test
    void kindsAndTargets() {
        Manifest m = gadget();
        assertEquals(DepKind.DEV, dep(m, "pretty_assertions", DepKind.DEV).kind());
        assertEquals(DepKind.BUILD, dep(m, "cc", DepKind.BUILD).kind());
        assertEquals("cfg(unix)", dep(m, "libc", DepKind.NORMAL).target());
        Manifest.Dependency win = dep(m, "windows-sys", DepKind.DEV);
        assertEquals("x86_64-pc-windows-msvc", win.target());
        assertEquals(List.of("Win32_Foundation"), win.features());
    }

    @Test
    void workspaceSection() {
        Manifest root = ManifestReader.read(Fixtures.path("manifest/workspace-root.toml"), "Cargo.toml");
        assertTrue(root.isVirtual());
        Manifest.Workspace w = root.workspace();
        assertEquals(List.of("crates/*", "tools/?ool", "app"), w.members());
        assertEquals(List.of("crates/experimental"), w.exclude());
        assertEquals("2.4.0", w.packageVersion());
        assertFalse(w.packagePublish());
        assertEquals("Cargo.toml:2:1", w.origin().toString());
        assertEquals(List.of("log", "rustls", "shared", "renamed"), w.dependencies().stream().map(Manifest.Dependency::name).toList());
        assertEquals("crates/shared", w.dependency("shared").path());
        assertEquals("real-name", w.dependency("renamed").packageName());
        assertNull(w.dependency("nope"));
    }

    @Test
    void inheritingMergesFeaturesAndDefaultFeatures() {
        Manifest.Workspace w = ManifestReader.read(Fixtures.path("manifest/workspace-root.toml"), "Cargo.toml").workspace();
        Manifest.Dependency member = dep(gadget(), "rustls", DepKind.NORMAL);
        Manifest.Dependency resolved = member.inherit(w.dependency("rustls"));
        assertEquals("0.23", resolved.version());
        assertEquals(List.of("std", "ring"), resolved.features());
        assertFalse(resolved.usesDefaultFeatures());
        assertTrue(resolved.optional());
        assertEquals(member.origin(), resolved.origin());

        Manifest.Dependency renamed = ManifestReader.parse("[package]\nname = \"x\"\n[dependencies]\nrenamed.workspace = true\n",
                "x/Cargo.toml").dependencies().get(0).inherit(w.dependency("renamed"));
        assertEquals("real-name", renamed.packageName());
        assertEquals("renamed", renamed.name());

        // Workspace keeps defaults on: a member's default-features = false has no effect (Cargo warns).
        Manifest.Dependency off = ManifestReader.parse(
                "[package]\nname = \"x\"\n[dependencies]\nlog = { workspace = true, default-features = false }\n",
                "x/Cargo.toml").dependencies().get(0);
        assertTrue(off.inherit(w.dependency("log")).usesDefaultFeatures());
    }

    @Test
    void smallCases() {
        Manifest m = ManifestReader.parse("[package]\nname = \"tiny\"\npublish = false\n", "Cargo.toml");
        assertEquals("0.0.0", m.pkg().version(), "Cargo's default when version is absent");
        assertFalse(m.pkg().publish());
        assertTrue(m.dependencies().isEmpty());
        assertEquals(Map.of(), m.pkg().features());
        Manifest inherited = ManifestReader.parse("[package]\nname = \"p\"\nversion = \"1.0.0\"\npublish.workspace = true\n", "Cargo.toml");
        assertTrue(inherited.pkg().publishInherited());
        assertEquals("1.0.0", inherited.pkg().version());
        Manifest legacy = ManifestReader.parse("[project]\nname = \"old\"\nversion = \"0.1.0\"\n", "Cargo.toml");
        assertEquals("old", legacy.pkg().name());
    }

    @Test
    void targetKeysWithDotsAndParenthesesAreNotSplit() {
        Manifest m = ManifestReader.parse("""
                [package]
                name = "p"
                [target."cfg(all(target_os = \\"linux\\", target_arch = \\"x86_64\\"))".build-dependencies]
                "odd.name" = "1"
                """, "Cargo.toml");
        Manifest.Dependency d = m.dependencies().get(0);
        assertEquals("odd.name", d.name());
        assertEquals(DepKind.BUILD, d.kind());
        assertEquals("cfg(all(target_os = \"linux\", target_arch = \"x86_64\"))", d.target());
        assertEquals(4, d.origin().line());
    }

    @Test
    void malformedTomlNamesTheLine() {
        InputException e = assertThrows(InputException.class,
                () -> ManifestReader.parse("[package]\nname = \"x\"\n\n[dependencies]\nserde = { version = \"1\"\n", FILE));
        assertEquals(FILE, e.file());
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith(FILE + ":5:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed TOML"), e.getMessage());
    }

    @Test
    void shapeErrorsNameTheKey() {
        InputException noName = assertThrows(InputException.class,
                () -> ManifestReader.parse("# x\n[package]\nversion = \"1.0.0\"\n", FILE));
        assertEquals(FILE + ":2:1: [package] without a name", noName.getMessage());
        InputException badDep = assertThrows(InputException.class,
                () -> ManifestReader.parse("[package]\nname = \"x\"\n[dependencies]\nserde = 1\n", FILE));
        assertEquals(FILE + ":4:1: dependency serde is neither a version string nor a table", badDep.getMessage());
        InputException badFeature = assertThrows(InputException.class,
                () -> ManifestReader.parse("[package]\nname = \"x\"\n[features]\na = \"b\"\n", FILE));
        assertEquals(FILE + ":4:1: `a` is not a list of strings", badFeature.getMessage());
        InputException badMembers = assertThrows(InputException.class,
                () -> ManifestReader.parse("[workspace]\nmembers = \"crates/*\"\n", FILE));
        assertEquals(2, badMembers.line());
    }

    /** Both readings agree on every hand-written manifest, and the fast one is the one taken. */
    @ParameterizedTest
    @ValueSource(strings = {"manifest/Cargo.toml", "manifest/workspace-root.toml", "workspace/Cargo.toml",
        "workspace/crates/core/Cargo.toml", "workspace/crates/net/Cargo.toml", "workspace/tools/tool/Cargo.toml",
        "workspace/vendored/helper/Cargo.toml"})
    void fastAndExactReadingsAgree(String fixture) throws IOException {
        String text = Files.readString(Fixtures.path(fixture));
        Manifest fast = ManifestReader.parseFast(text, fixture);
        assertNotNull(fast, "the line scan follows " + fixture);
        assertEquals(ManifestReader.parseExact(text, fixture), fast);
    }

    @Test
    void multiLineStringsTakeTheExactReading() {
        String text = "[package]\nname = \"m\"\ndescription = \"\"\"\n[dependencies]\nfake = 1\n\"\"\"\n\n[dependencies]\nreal = \"1\"\n";
        assertNull(ManifestReader.parseFast(text, "Cargo.toml"));
        Manifest m = ManifestReader.parse(text, "Cargo.toml");
        assertEquals(List.of("real"), m.dependencies().stream().map(Manifest.Dependency::name).toList());
        assertEquals(9, m.dependencies().get(0).origin().line());
    }

    @Test
    void keysTheScanCannotPlaceTakeTheExactReading() {
        // Dependencies in an inline table have no line of their own for the scan to find.
        String text = "dependencies = { a = \"1\", b = \"2\" }\n[package]\nname = \"m\"\n";
        assertNull(ManifestReader.parseFast(text, "Cargo.toml"));
        Manifest m = ManifestReader.parse(text, "Cargo.toml");
        assertEquals(List.of("a", "b"), m.dependencies().stream().map(Manifest.Dependency::name).toList());
        assertEquals(List.of(1, 1), m.dependencies().stream().map(d -> d.origin().line()).toList());
        assertEquals(2, m.pkg().origin().line());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class, () -> ManifestReader.read(dir.resolve("Cargo.toml"), FILE));
        assertEquals(FILE + ": file not found", e.getMessage());
    }
}
