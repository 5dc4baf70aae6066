package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ZeroClaw's real workspace, read in place from ../shared/corpus/zeroclaw. */
class ZeroClawCorpusTest {
    private static final String WHATSAPP_SOURCE = "git+https://github.com/oxidezap/whatsapp-rust";
    private static CargoWorkspace head;

    @BeforeAll
    static void load() {
        head = WorkspaceLoader.load(Corpus.file("zeroclaw/head"), null);
    }

    @Test
    void headLockfile() {
        CargoLock lock = CargoLockReader.read(Corpus.file("zeroclaw/head/Cargo.lock"), "Cargo.lock");
        assertEquals(4, lock.version());
        assertEquals(1267, lock.packages().size());
        assertEquals(1267, Set.copyOf(lock.packages().stream().map(LockedPackage::id).toList()).size(), "ids are unique");
    }

    @Test
    void headerScanAgreesWithTomlj() throws IOException {
        String text = Files.readString(Corpus.file("zeroclaw/head/Cargo.lock"));
        TomlArray packages = Toml.parse(text).getArray(List.of("package"));
        int[] exact = new int[packages.size()];
        for (int i = 0; i < exact.length; i++) exact[i] = packages.inputPositionOf(i).line();
        assertArrayEquals(exact, CargoLockReader.scanHeaders(text));
    }

    @Test
    void packageOriginsPointAtTheirHeaders() throws IOException {
        List<String> lines = Files.readAllLines(Corpus.file("zeroclaw/head/Cargo.lock"));
        for (LockedPackage p : head.packages()) {
            int line = p.origin().line();
            assertEquals("[[package]]", lines.get(line - 1), p.id());
            assertEquals("name = \"" + p.name() + "\"", lines.get(line), p.id());
            assertEquals("Cargo.lock", p.origin().file());
        }
    }

    @Test
    void headMembers() {
        assertEquals(29, head.members().size());
        Set<String> names = new TreeSet<>(head.members().stream().map(WorkspaceMember::name).toList());
        assertEquals(29, names.size());
        // Names as the manifests declare them (apps/tauri's package is zeroclaw-desktop).
        assertTrue(names.containsAll(List.of("zeroclaw", "zeroclaw-channels", "zeroclaw-gateway", "zeroclaw-desktop",
                "zerocode", "fill-translations", "xtask", "zeroclaw-log-attribution-macro-consumer",
                "zeroclaw-tool-secret-plugin-fixture")), names.toString());
        WorkspaceMember root = head.member("zeroclaw").orElseThrow();
        assertEquals("zeroclaw@0.8.4", root.id());
        assertEquals("", root.dir());
        assertTrue(root.versionInherited());
        assertFalse(root.publish());
        WorkspaceMember channels = head.member("zeroclaw-channels").orElseThrow();
        assertEquals("crates/zeroclaw-channels/Cargo.toml", channels.manifestPath());
        assertEquals(List.of("default-channels"), channels.defaultFeatures());
        for (WorkspaceMember m : head.members()) {
            LockedPackage locked = head.pkg(m.id()).orElseThrow(() -> new AssertionError(m.id()));
            assertTrue(locked.member(), m.id());
        }
        assertEquals(29, head.packages().stream().filter(LockedPackage::member).count());
        assertEquals(1267 - 29, head.inclusions().size());
    }

    @Test
    void declaredEdgesPointAtTheirManifestLines() throws IOException {
        Path root = Corpus.file("zeroclaw/head");
        int checked = 0;
        for (DependencyEdge e : head.edges()) {
            if (!e.declared()) continue;
            List<String> lines = Files.readAllLines(root.resolve(e.origin().file()));
            String line = lines.get(e.origin().line() - 1);
            assertTrue(line.startsWith(e.name()) || line.startsWith("[" ) && line.contains(e.name()),
                    e + " -> " + line);
            checked++;
        }
        assertTrue(checked > 500, "declared edges: " + checked);
    }

    /**
     * The ten packages of the oxidezap/whatsapp-rust git repository. zeroclaw-channels declares six
     * of them as optional dependencies (whatsapp-rust, wacore, wacore-binary, waproto,
     * whatsapp-rust-tokio-transport, whatsapp-rust-ureq-http-client), and its feature whatsapp-web
     * lists each as dep:NAME; the other four (wacore-appstate, wacore-derive, wacore-libsignal,
     * wacore-noise) are reached only below those. zeroclaw-channels' default is [default-channels],
     * whose six channel features never reach whatsapp-web. The features that forward to it, the root
     * package's whatsapp-web and zeroclaw-gateway's whatsapp-web, are not in their members' default
     * closures either (root default: agent-runtime, default-channels, acp-bridge, gateway,
     * observability-prometheus, schema-export; gateway default: schema-export, a2a), and no member's
     * declaration of zeroclaw-channels asks for whatsapp-web. So each is outside the default graph,
     * and the one feature that directly enables the optional dependencies is
     * zeroclaw-channels/whatsapp-web (forwarders are not gates).
     */
    @Test
    void whatsappPackagesAreGatedByOneFeature() {
        List<LockedPackage> whatsapp = head.packages().stream()
                .filter(p -> p.source().raw() != null && p.source().raw().startsWith(WHATSAPP_SOURCE)).toList();
        assertEquals(Set.of("whatsapp-rust", "whatsapp-rust-tokio-transport", "whatsapp-rust-ureq-http-client", "wacore",
                        "wacore-appstate", "wacore-binary", "wacore-derive", "wacore-libsignal", "wacore-noise", "waproto"),
                Set.copyOf(whatsapp.stream().map(LockedPackage::name).toList()));
        for (LockedPackage p : whatsapp) {
            Inclusion i = head.inclusion(p.id()).orElseThrow();
            assertTrue(i.reachable(), p.id());
            assertFalse(i.viaDefaults(), p.id());
            assertEquals(List.of("zeroclaw-channels/whatsapp-web"), i.featureGates(), p.id());
            assertEquals("zeroclaw-channels@0.8.4", i.path().get(0), p.id());
        }
        Inclusion whatsappRust = head.inclusion("whatsapp-rust@0.6.0").orElseThrow();
        assertTrue(whatsappRust.direct());
        assertEquals(List.of("zeroclaw-channels@0.8.4", "whatsapp-rust@0.6.0"), whatsappRust.path());
        assertFalse(head.inclusion("wacore-noise@0.6.0").orElseThrow().direct());
    }

    /** The fast manifest reading (jackson + line scan) gives exactly tomlj's result on every real manifest. */
    @Test
    void manifestReadingsAgree() throws IOException {
        int read = 0;
        for (String snapshot : List.of("zeroclaw/head", "zeroclaw/pre-rationalise")) {
            Path root = Corpus.file(snapshot);
            List<Path> manifests;
            try (var walk = Files.walk(root)) {
                manifests = walk.filter(p -> p.getFileName().toString().equals("Cargo.toml")).sorted().toList();
            }
            for (Path file : manifests) {
                String display = root.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file);
                Manifest fast = ManifestReader.parseFast(text, display);
                assertNotNull(fast, display);
                assertEquals(ManifestReader.parseExact(text, display), fast, display);
                read++;
            }
        }
        assertEquals(29 + 18, read);
    }

    @Test
    void everyLockedPackageIsReachable() {
        assertTrue(head.inclusions().stream().allMatch(Inclusion::reachable));
        assertTrue(head.inclusions().stream().anyMatch(Inclusion::viaDefaults));
    }

    @Test
    void preRationalise() {
        CargoWorkspace ws = WorkspaceLoader.load(Corpus.file("zeroclaw/pre-rationalise"), null);
        assertEquals(4, CargoLockReader.read(Corpus.file("zeroclaw/pre-rationalise/Cargo.lock"), "Cargo.lock").version());
        assertEquals(1094, ws.packages().size());
        assertEquals(18, ws.members().size());
        assertEquals("zeroclawlabs@0.7.0", ws.members().get(0).id(), "the \".\" entry comes first in members");
        assertTrue(ws.member("aardvark-sys").isPresent());
        assertTrue(ws.member("zeroclaw-robot-kit").isPresent());
        assertEquals(1094 - 18, ws.inclusions().size());
        assertTrue(ws.inclusions().stream().allMatch(Inclusion::reachable));
    }
}
