package dev.tollgate.inputs.prmode;

import dev.tollgate.api.facts.PolicyChange;
import dev.tollgate.fixtures.Corpus;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ZeroClaw's real deny.toml as its CI RFC found it (pre-rationalise) and as it is at head, as the base
 * and the head of a pull request: every difference is found, and ranked as a person reading the two
 * files would rank it (checked by hand against `diff`).
 */
class BasePolicyCorpusTest {
    @Test
    void zeroClawsPolicyRationalisationAsAPullRequest(@TempDir Path tmp) throws Exception {
        Path corpus = Corpus.file("zeroclaw");
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        try (Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            Files.copy(corpus.resolve("pre-rationalise/deny.toml"), repo.resolve("deny.toml"));
            g.add().addFilepattern(".").call();
            g.commit().setMessage("base").setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
            Files.copy(corpus.resolve("head/deny.toml"), repo.resolve("deny.toml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            g.add().addFilepattern(".").call();
            g.commit().setMessage("head").setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
        }
        try (BasePolicy policy = BasePolicy.open(repo, "HEAD~1", null, null, List.of(), false)) {
            Map<String, Integer> counts = new TreeMap<>();
            for (PolicyChange c : policy.changes()) {
                counts.merge(c.effect() + " " + c.kind() + " " + c.key(), 1, Integer::sum);
                assertTrue(c.origin().file().equals("deny.toml"), c.toString());
            }
            long skips;
            try (Stream<String> lines = Files.lines(corpus.resolve("head/deny.toml"))) {
                skips = lines.filter(l -> l.strip().equals("[[bans.skip]]")).count();
            }
            assertEquals(Map.of(
                    // 8 ignore entries the head no longer has, and the 4 it adds (0134, 0173, 0247, 0253)
                    "TIGHTENS REMOVED advisories.ignore", 8,
                    "WEAKENS ADDED advisories.ignore", 4,
                    "TIGHTENS CHANGED bans.multiple-versions", 1,
                    "TIGHTENS CHANGED bans.wildcards", 1,
                    // a deny entry (lru, with two wrappers) the base did not have
                    "TIGHTENS ADDED bans.deny", 1,
                    // every [[bans.skip]] entry is new: each lets a duplicate version through
                    "WEAKENS ADDED bans.skip", (int) skips), counts);
            assertEquals(49, skips, "the head's skip list, counted with grep -c");
            // the copy the policy is read from is the base's, byte for byte
            assertEquals(Files.readString(corpus.resolve("pre-rationalise/deny.toml")), Files.readString(policy.config()));
            assertEquals("deny.toml@HEAD~1", policy.configDisplay());
        }
    }
}
