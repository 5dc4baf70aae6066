package dev.tollgate.engine;

import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A custom package's last segment is a policy: selected by id in evaluate and in the embedders' check. */
class CustomPolicyEngineTest {
    @Test
    void aCustomPolicyIsSelectedLikeAShippedOne(@TempDir Path dir, @TempDir Path cache) throws IOException {
        Files.writeString(dir.resolve("msrv.drl"), """
                package tollgate.msrv;
                import dev.tollgate.api.facts.*;
                import dev.tollgate.api.findings.*;
                rule "member seen"
                    @code("member-seen") @severity("note") @doc("A workspace crate was seen.")
                when
                    $m : WorkspaceMember()
                then
                    insert(Finding.of("msrv", "member-seen", Severity.NOTE, $m.name()).about($m.id()));
                end
                """);
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(dir)).withCacheDir(cache));
        assertTrue(engine.policies().contains("msrv"), engine.policies().toString());
        assertEquals("", engine.code("member-seen").orElseThrow().url(), "a custom code without @url has no help page");
        assertEquals(null, engine.code("unknown-git").orElseThrow().url(), "shipped codes link to Tollgate's pages");

        Path demo = Corpus.fixture("demo");
        CheckRequest request = CheckRequest.of(demo).withMetadata(demo.resolve("cargo-metadata.json"));
        Verdict all = engine.check(request);
        assertTrue(all.findings().stream().anyMatch(f -> f.code().equals("member-seen")), all.findings().toString());
        Verdict msrv = engine.check(request.withPolicies(Set.of("msrv")));
        assertTrue(msrv.findings().stream().map(Finding::code).allMatch(c -> c.equals("member-seen")), msrv.findings().toString());
        assertFalse(msrv.findings().isEmpty());
        Verdict sources = engine.check(request.withPolicies(Set.of("sources")));
        assertFalse(sources.findings().stream().anyMatch(f -> f.code().equals("member-seen")), sources.findings().toString());
    }
}
