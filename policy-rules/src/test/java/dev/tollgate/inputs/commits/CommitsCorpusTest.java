package dev.tollgate.inputs.commits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.facts.CommitsConfig;
import dev.tollgate.api.facts.ConventionalCommit;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every first-parent commit message of ZeroClaw's master (zeroclaw-history.jsonl, 4,029 messages)
 * through the commits rules with the default settings. The expected counts were derived
 * independently (bench/commitlint/classify.py, a separate reading of the same rules) and are
 * explained in docs/policies/commits.md.
 */
class CommitsCorpusTest {
    static List<ConventionalCommit> messages() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<ConventionalCommit> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(Corpus.file("zeroclaw/zeroclaw-history.jsonl"), StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                String sha = n.get("commit").asText();
                out.add(ConventionalCommits.parse(sha.substring(0, 10), sha, n.get("message").asText(), ""));
            }
        }
        return out;
    }

    @Test
    void lintsEveryZeroClawMessage() throws Exception {
        List<ConventionalCommit> msgs = messages();
        assertEquals(4029, msgs.size());
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
        List<Object> facts = new ArrayList<>(msgs);
        facts.add(CommitsConfig.defaults());
        engine.evaluate(facts, Set.of("commits")); // warm-up, for the timing below
        long t0 = System.nanoTime();
        Verdict v = engine.evaluate(facts, Set.of("commits"));
        System.out.printf("commits corpus: 4,029 messages evaluated in %.0f ms (warm)%n", (System.nanoTime() - t0) / 1e6);
        Map<String, Integer> byCode = new TreeMap<>();
        Set<String> failing = new HashSet<>();
        Set<String> withError = new HashSet<>();
        for (Finding f : v.findings()) {
            byCode.merge(f.code(), 1, Integer::sum);
            failing.add(f.subject());
            if (f.severity() == dev.tollgate.api.findings.Severity.ERROR) withError.add(f.subject());
        }
        // 303 merge commits ("Merge pull request #N from ...", "Merge branch ...") and 5 git reverts
        // are exempt; 3,606 of the other 3,721 messages pass; 115 have a finding (114 an error).
        CommitsConfig cfg = CommitsConfig.defaults();
        long merges = msgs.stream().filter(c -> cfg.isMerge(c.header())).count();
        long reverts = msgs.stream().filter(c -> !cfg.isMerge(c.header()) && cfg.isRevert(c.header())).count();
        assertEquals(303, merges);
        assertEquals(5, reverts);
        assertEquals(Map.of(
                "commit-not-conventional", 52,     // "Update README", "Feat/add pinggy tunnel (#4060)", "fix(tools) Wire ..."
                "commit-header-too-long", 50,      // over 100 characters, mostly long squash titles
                "commit-type-not-allowed", 11,     // opt x3, dev x2, contrib, hardening, legal, merge, polish, providers
                "commit-type-case", 1,             // "Fix: ..."
                "commit-body-leading-blank", 2), byCode);
        assertEquals(115, failing.size());
        assertEquals(114, withError.size());
        assertEquals(3606, msgs.size() - merges - reverts - failing.size());
        assertEquals(0, byCode.getOrDefault("commit-description-empty", 0));
        Map<String, Integer> parsedTypes = new TreeMap<>();
        for (ConventionalCommit c : msgs) if (c.conventional()) parsedTypes.merge(c.type(), 1, Integer::sum);
        assertEquals(1961, parsedTypes.get("fix"));
        assertEquals(845, parsedTypes.get("feat"));
        assertEquals(6, parsedTypes.get("security"), "the RFC's security type, which config-conventional rejects");
    }
}
