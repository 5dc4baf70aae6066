package dev.tollgate.inputs.releasejobs;

import dev.tollgate.plans.ReleaseJobsPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.affected.AffectedInputs;
import dev.tollgate.plans.AffectedPlan;
import dev.tollgate.inputs.affected.ChangedFileList;
import dev.tollgate.inputs.tollgate.TollgateToml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release graph's jobs on ZeroClaw head with the RFC's default graph, and custom graphs.
 * Crate facts read from head's manifests: zeroclaw (the root package) is the kernel and nothing
 * depends on it; zeroclaw-hardware is used by zeroclaw, zeroclaw-gateway and xtask; apps/tauri is
 * zeroclaw-desktop, used by nothing.
 */
class ReleaseJobsTest {
    static PolicyEngine engine;
    static Path head;

    @BeforeAll
    static void setUp() {
        head = Corpus.file("zeroclaw/head");
        engine = Tollgate.engine(EngineOptions.bundled());
    }

    static ReleaseJobsPlan plan(ReleaseGraph.Graph graph, String... files) {
        AffectedInputs.Result r = AffectedInputs.load(new AffectedInputs.Request(head,
                ChangedFileList.parse(String.join("\n", files), "changed.txt"), null, null, graph.pathRules()));
        List<Object> facts = new ArrayList<>(r.facts());
        facts.addAll(graph.artifacts());
        facts.addAll(graph.publish());
        var d = engine.derive(facts, Set.of("affected", "releasejobs"));
        assertEquals(List.of(), d.verdict().findings().stream().filter(f -> f.severity().name().equals("ERROR")).toList());
        return ReleaseJobsPlan.of(d, graph, "v0.8.4", AffectedPlan.of(d));
    }

    static ReleaseJobsPlan plan(String... files) {
        return plan(ReleaseGraph.defaults(), files);
    }

    @Test
    void aPluginOnlyReleaseRunsOnlyThePluginJobs() {
        ReleaseJobsPlan p = plan("plugins/weather/src/lib.rs", "plugins/weather/plugin.toml");
        assertEquals(new TreeSet<>(List.of("build-plugins-wasm", "publish-plugin-registry", "announce")), p.runs().keySet());
        assertEquals(List.of("build-plugins-wasm"), p.needs().get("publish-plugin-registry"));
        assertEquals(List.of("publish-plugin-registry"), p.needs().get("announce"));
        // Plugin files are no crate's and not "everything": nothing to test in the workspace.
        assertEquals(List.of(), p.affected().affected());
    }

    @Test
    void aKernelPatchRunsTheKernelBuildsAndTheirPublishJobsNotThePluginRegistry() {
        ReleaseJobsPlan p = plan("src/agent/loop.rs");
        assertEquals(new TreeSet<>(List.of("build-kernel-standard", "build-kernel-hardware", "publish-github-release",
                "publish-aur", "publish-homebrew", "publish-scoop", "announce")), p.runs().keySet());
        assertFalse(p.runs("publish-plugin-registry"));
        assertFalse(p.runs("build-gateway"));
        assertEquals(List.of("build-kernel-hardware", "build-kernel-standard"), p.needs().get("publish-github-release"));
        assertEquals(List.of("build-kernel-standard"), p.needs().get("publish-aur"));
        assertEquals(List.of("publish-aur", "publish-github-release", "publish-homebrew", "publish-scoop"), p.needs().get("announce"));
    }

    @Test
    void aHardwareFixRebuildsBothKernelsAndTheGateway() {
        ReleaseJobsPlan p = plan("crates/zeroclaw-hardware/src/serial.rs");
        assertTrue(p.runs("build-kernel-standard") && p.runs("build-kernel-hardware") && p.runs("build-gateway"));
        assertFalse(p.runs("build-desktop") || p.runs("build-plugins-wasm"));
        assertEquals(List.of("build-gateway", "build-kernel-hardware", "build-kernel-standard"), p.needs().get("publish-github-release"));
    }

    @Test
    void nothingToPublishMeansNoAnnouncement() {
        ReleaseJobsPlan p = plan("docs/book/src/intro.md", "README.md");
        assertEquals(Set.of(), p.runs().keySet());
        assertFalse(p.runs("announce"));
    }

    @Test
    void aWorkspaceWideChangeRunsEveryJob() {
        ReleaseJobsPlan p = plan("Cargo.toml");
        assertEquals(11, p.runs().size());
        assertEquals(List.of("publish-aur", "publish-github-release", "publish-homebrew", "publish-plugin-registry", "publish-scoop"),
                p.needs().get("announce"));
    }

    @Test
    void theMatrixIsJsonForFromJson() throws Exception {
        JsonNode j = new ObjectMapper().readTree(plan("apps/tauri/src/main.rs").toMatrixJson());
        assertEquals("v0.8.4", j.get("base").asText());
        assertEquals(4, j.get("build").get("include").size()); // desktop's four targets
        assertEquals("build-desktop", j.get("build").get("include").get(0).get("job").asText());
        assertEquals("x86_64-unknown-linux-gnu", j.get("build").get("include").get(0).get("target").asText());
        assertEquals("publish-github-release", j.get("publish").get("include").get(0).get("job").asText());
        assertEquals("build-desktop", j.get("publish").get("include").get(0).get("needs").get(0).asText());
        assertEquals("announce", j.get("announce").get("include").get(0).get("job").asText());
        assertTrue(j.get("run").get("build").asBoolean());
        assertFalse(j.get("jobs").get("publish-aur").asBoolean());
        assertTrue(j.get("jobs").get("build-desktop").asBoolean());
        assertEquals(List.of("zeroclaw-desktop"), List.of(j.get("affected").get(0).asText()));
    }

    @Test
    void aCustomGraphFromTollgateToml() {
        ReleaseGraph.Graph g = ReleaseGraph.read(TollgateToml.parse("""
                [release.artifacts.cli]
                crates = ["zerocode"]
                targets = ["x86_64-unknown-linux-gnu"]

                [release.artifacts.site]
                paths = ["web/**"]
                build-job = "build-web"

                [release.artifacts.ghost]
                crates = ["not-a-member"]

                [release.publish.crates-io]
                needs = ["cli"]

                [release.publish.pages]
                needs = ["site"]
                job = "deploy-pages"

                [release.publish.tell]
                announce = true
                """, "tollgate.toml"));
        ReleaseJobsPlan web = plan(g, "web/src/App.tsx");
        assertEquals(new TreeSet<>(List.of("build-web", "deploy-pages", "tell")), web.runs().keySet());
        ReleaseJobsPlan cli = plan(g, "apps/zerocode/src/chat.rs");
        assertEquals(new TreeSet<>(List.of("build-cli", "publish-crates-io", "tell")), cli.runs().keySet());
    }

    @Test
    void badGraphsAreInputErrors() {
        InputException e = assertThrows(InputException.class, () -> ReleaseGraph.read(TollgateToml.parse("""
                [release.artifacts.cli]
                crates = ["zerocode"]

                [release.publish.crates-io]
                needs = ["cli", "gui"]
                """, "tollgate.toml")));
        assertEquals("tollgate.toml:5:1: publish job crates-io needs `gui`, which is not a release artifact; known: cli", e.getMessage());
        e = assertThrows(InputException.class, () -> ReleaseGraph.read(TollgateToml.parse("""
                [release.artifacts.cli]
                targets = ["x86_64-unknown-linux-gnu"]
                """, "tollgate.toml")));
        assertTrue(e.getMessage().startsWith("tollgate.toml:1:1: release artifact cli needs `crates` or `paths`"), e.getMessage());
        e = assertThrows(InputException.class, () -> ReleaseGraph.read(TollgateToml.parse("""
                [release.artifacts.cli]
                crates = "zerocode"
                """, "tollgate.toml")));
        assertEquals("tollgate.toml:2:1: `crates`: expected an array of strings", e.getMessage());
        e = assertThrows(InputException.class, () -> ReleaseGraph.read(TollgateToml.parse("""
                [release.artifacts.cli]
                crates = ["zerocode"]
                [release.publish.tell]
                announce = true
                needs = ["cli"]
                """, "tollgate.toml")));
        assertTrue(e.getMessage().contains("announce job tell runs after every publish job that runs; it takes no `needs`"), e.getMessage());
    }

    @Test
    void anArtifactNamingNoMemberIsAWarning() {
        ReleaseGraph.Graph g = ReleaseGraph.read(TollgateToml.parse("""
                [release.artifacts.ghost]
                crates = ["not-a-member"]
                """, "tollgate.toml"));
        AffectedInputs.Result r = AffectedInputs.load(new AffectedInputs.Request(head,
                ChangedFileList.parse("src/main.rs", "l"), null, null, g.pathRules()));
        List<Object> facts = new ArrayList<>(r.facts());
        facts.addAll(g.artifacts());
        var d = engine.derive(facts, Set.of("affected", "releasejobs"));
        assertEquals(1, d.verdict().findings().size());
        assertEquals("unknown-artifact-crate", d.verdict().findings().get(0).code());
        assertEquals("tollgate.toml:1:1", d.verdict().findings().get(0).location().toString());
    }
}
