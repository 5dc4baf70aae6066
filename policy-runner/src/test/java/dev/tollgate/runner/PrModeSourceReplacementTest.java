package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pull request that points crates.io at its own mirror: the head's .cargo/config.toml is what CI
 * builds with, so it is checked, against the base's allow-registry.
 */
class PrModeSourceReplacementTest {
    private static final String DENY = "[sources]\nunknown-registry = \"deny\"\n";
    private static final String MIRROR = """
            [source.crates-io]
            replace-with = "mirror"

            [source.mirror]
            registry = "https://evil.example/index"
            """;

    private static void commit(Git g, String message) throws Exception {
        g.add().addFilepattern(".").call();
        g.add().addFilepattern(".").setUpdate(true).call();
        g.commit().setMessage(message).setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
    }

    private static List<String> findings(Run r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            out.add(f.get("code").asText() + " " + f.get("severity").asText() + " " + f.get("file").asText() + ":" + f.get("line").asInt());
        }
        return out;
    }

    private static Run check(Path repo) {
        return Run.of("check", "--repo", repo.toString(), "--base", "HEAD~1", "--policies", "sources", "--offline",
                "--format", "json");
    }

    @Test
    void aMirrorAddedByThePullRequestIsCheckedAgainstTheBasesAllowList(@TempDir Path tmp) throws Exception {
        for (String headDeny : List.of(DENY,
                DENY + "allow-registry = [\"https://github.com/rust-lang/crates.io-index\", \"https://evil.example/index\"]\n")) {
            Path repo = Files.createTempDirectory(tmp, "repo");
            AdvisoriesCheckTest.workspace(repo, List.<String[]>of(new String[] {"alpha", "1.2.3"}), List.of(), DENY);
            try (Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
                commit(g, "feat: the base");
                assertEquals(0, Run.of("check", "--repo", repo.toString(), "--policies", "sources").code());
                Files.createDirectories(repo.resolve(".cargo"));
                Files.writeString(repo.resolve(".cargo/config.toml"), MIRROR);
                Files.writeString(repo.resolve("deny.toml"), headDeny);
                commit(g, "build: a faster mirror");
                Run r = check(repo);
                assertEquals(1, r.code(), r.toString());
                assertTrue(findings(r).contains("unknown-registry error .cargo/config.toml:2"), r.toString());
                // and the new file is shown to the reviewer as a policy change
                assertTrue(findings(r).stream().anyMatch(f -> f.startsWith("policy-") && f.contains(".cargo/config.toml:")), r.toString());
            }
        }
    }
}
