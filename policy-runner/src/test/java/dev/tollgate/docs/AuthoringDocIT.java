package dev.tollgate.docs;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/authoring.md, followed literally: every ```sh block is run with bash, in order, in one
 * directory (beside the built jar), and a ```text block right after one is its expected output
 * (stdout and stderr), where {@code ...} matches any text within a line.
 */
class AuthoringDocIT {
    @Test
    void theWalkthroughRunsAsWritten(@TempDir Path tmp) throws Exception {
        Path root = Corpus.projectRoot();
        Path jar = root.resolve("policy-runner/target/policy-runner.jar");
        assertTrue(Files.isRegularFile(jar), "run after `mvn package`: " + jar);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(work.resolve("policy-runner"));
        Path link = Files.createSymbolicLink(work.resolve("policy-runner/target"), root.resolve("policy-runner/target"));
        try {
            walkthrough(root, work, tmp);
        } finally {
            Files.delete(link);
        }
    }

    private static void walkthrough(Path root, Path work, Path tmp) throws Exception {

        List<MarkdownBlocks.Block> blocks = MarkdownBlocks.read(root.resolve("docs/authoring.md")).blocks();
        String prelude = "";
        int shells = 0;
        int compared = 0;
        for (int i = 0; i < blocks.size(); i++) {
            MarkdownBlocks.Block b = blocks.get(i);
            if (!b.info().equals("sh")) continue;
            shells++;
            if (prelude.isEmpty()) prelude = b.text(); // the first block defines `tollgate`
            String script = (shells == 1 ? "" : prelude) + b.text();
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(work.toFile()).redirectErrorStream(true);
            pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
            pb.environment().put("NO_COLOR", "1");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (i + 1 < blocks.size() && blocks.get(i + 1).info().equals("text")) {
                MarkdownBlocks.Block expected = blocks.get(i + 1);
                compared++;
                if (!matches(expected.text(), out)) {
                    fail("docs/authoring.md:" + b.line() + ": the output differs from the one shown at line " + expected.line()
                            + "\n--- shown\n" + expected.text() + "--- actual\n" + out);
                }
            } else {
                assertEquals("", out, "docs/authoring.md:" + b.line() + " prints nothing in the doc");
                assertEquals(0, rc, "docs/authoring.md:" + b.line() + " failed:\n" + out);
            }
        }
        assertTrue(shells >= 8 && compared >= 5, "the walkthrough was found: " + shells + " blocks, " + compared + " outputs");
    }

    static boolean matches(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        if (e.size() != a.size()) return false;
        for (int i = 0; i < e.size(); i++) {
            List<String> parts = new ArrayList<>(List.of(e.get(i).split(Pattern.quote("..."), -1)));
            StringBuilder re = new StringBuilder();
            for (int j = 0; j < parts.size(); j++) {
                if (j > 0) re.append(".*");
                re.append(Pattern.quote(parts.get(j)));
            }
            if (!a.get(i).matches(re.toString())) return false;
        }
        return true;
    }
}
