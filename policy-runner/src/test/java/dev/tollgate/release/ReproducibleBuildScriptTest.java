package dev.tollgate.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * .github/scripts/reproducible-build.sh's comparison ({@code --compare A B}), on two small build
 * trees: identical jars pass; a jar whose entry differs, whose entry time differs, or that one side
 * lacks fails and says which. (The two real builds it makes by default run in CI's
 * {@code reproducible} job: too slow for a unit test.)
 */
class ReproducibleBuildScriptTest {
    static final Path SCRIPT = Scripts.ROOT.resolve(".github/scripts/reproducible-build.sh");
    static final FileTime T = FileTime.fromMillis(1_767_225_600_000L);   // 2026-01-01T00:00:00Z

    @TempDir
    Path tmp;

    static void jar(Path file, FileTime time, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setLastModifiedTime(time);
                zip.putNextEntry(z);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    Path tree(String name, FileTime time, String index) throws IOException {
        Path root = tmp.resolve(name);
        jar(root.resolve("policy-api/target/policy-api-1.0.jar"), T, Map.of("dev/A.class", "a"));
        jar(root.resolve("policy-rules/target/policy-rules-1.0.jar"), time, Map.of("META-INF/tollgate/rules.index", index));
        Files.createDirectories(root.resolve("policy-rules/target/classes"));
        jar(root.resolve("policy-rules/target/classes/nested.jar"), FileTime.fromMillis(System.currentTimeMillis()), Map.of("x", "y"));
        return root;
    }

    Scripts.Result compare(Path a, Path b) throws Exception {
        return Scripts.bash(tmp, Map.of(), List.of("bash", SCRIPT.toString(), "--compare", a.toString(), b.toString()));
    }

    @Test
    void identicalJarsAreReproducible() throws Exception {
        Scripts.Result r = compare(tree("a", T, "sources.drl 1"), tree("b", T, "sources.drl 1"));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("reproducible: 2 jars identical"), r.toString());
    }

    @Test
    void aDifferentEntryFailsAndIsNamed() throws Exception {
        Scripts.Result r = compare(tree("a", T, "sources.drl 1"), tree("b", T, "sources.drl 2"));
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("DIFFERENT  policy-rules/target/policy-rules-1.0.jar"), r.toString());
        assertTrue(r.out().contains("META-INF/tollgate/rules.index differ"), r.toString());
        assertTrue(r.out().contains("-sources.drl 1") && r.out().contains("+sources.drl 2"), r.toString());
        assertTrue(r.out().contains("identical") && r.out().contains("policy-api/target/policy-api-1.0.jar"), r.toString());
    }

    @Test
    void aDifferentEntryTimeFails() throws Exception {
        Scripts.Result r = compare(tree("a", T, "i"), tree("b", FileTime.fromMillis(T.toMillis() + 86_400_000L), "i"));
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("DIFFERENT  policy-rules/target/policy-rules-1.0.jar") && r.out().contains("zipinfo:"), r.toString());
    }

    @Test
    void aJarOnOneSideOnlyFails() throws Exception {
        Path a = tree("a", T, "i");
        Path b = tree("b", T, "i");
        jar(a.resolve("policy-runner/target/policy-runner.jar"), T, Map.of("M", "m"));
        Scripts.Result r = compare(a, b);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("different jars") && r.out().contains("policy-runner/target/policy-runner.jar"), r.toString());
    }
}
