package dev.tollgate.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * action.yml's choice of jar, without a jar: the pins it carries are well-formed, an untagged ref
 * (a -SNAPSHOT source) builds from source with a cache key over the source, and a release tag or a
 * {@code version} input names the release to download.
 */
class ActionJarStepTest {
    @TempDir
    Path tmp;

    static final Path SCRIPT = Scripts.ROOT.resolve(".github/scripts/tollgate-jar.sh");

    @Test
    void thePinnedChecksumsAreVersionAndSha256PerLine() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) Scripts.actionStep("jar").get("env");
        assertTrue(env.containsKey("TOLLGATE_JAR_SHA256"), env.toString());
        assertTrue(!env.containsKey("TOLLGATE_RELEASE_BASE"), "the download base is the caller's setting (job env), not fixed by the step");
        String pins = String.valueOf(env.get("TOLLGATE_JAR_SHA256") == null ? "" : env.get("TOLLGATE_JAR_SHA256"));
        for (String line : pins.lines().toList()) {
            assertTrue(line.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)? [0-9a-f]{64}"), "VERSION SHA256: " + line);
        }
    }

    @Test
    void anUntaggedRefBuildsFromSource() throws Exception {
        Path out = Files.createFile(tmp.resolve("out"));
        Map<String, String> env = new LinkedHashMap<>(Map.of("GITHUB_ACTION_PATH", Scripts.ROOT.toString(), "GITHUB_OUTPUT", out.toString(),
                "RUNNER_TEMP", tmp.toString(), "INPUT_JAR", "", "INPUT_VERSION", "", "ACTION_REF", "main", "TOLLGATE_JAR_SHA256", ""));
        Scripts.Result r = Scripts.runStep("jar", tmp, env);
        assertEquals(0, r.code(), r.toString());
        String o = Files.readString(out);
        assertTrue(o.contains("build=true\n"), o);
        assertTrue(o.matches("(?s).*hash=[0-9a-f]{64}\n.*"), o);
        assertTrue(o.contains("path=" + tmp.resolve("tollgate-source-build/policy-runner.jar") + "\n"), o);
    }

    @Test
    void theVersionComesFromTheInputThenTheTagThenAReleasePom() throws Exception {
        assertEquals("1.4.0\n", version(Scripts.ROOT, "v2.0.0", "v1.4.0"));
        assertEquals("2.0.0\n", version(Scripts.ROOT, "v2.0.0", ""));
        assertEquals("", version(Scripts.ROOT, "v2", ""), "a major tag says no release: the pom (a -SNAPSHOT here) decides");
        assertEquals("", version(Scripts.ROOT, "0123456789abcdef0123456789abcdef01234567", ""));
        Path released = Files.createDirectories(tmp.resolve("action"));
        Files.writeString(released.resolve("pom.xml"), Files.readString(Scripts.ROOT.resolve("pom.xml"))
                .replaceFirst("(<artifactId>tollgate-parent</artifactId>\\s*<version>)[^<]*", "$10.3.1"));
        assertEquals("0.3.1\n", version(released, "0123456789abcdef0123456789abcdef01234567", ""), "a release commit pinned by SHA");
        Scripts.Result bad = Scripts.bash(tmp, Map.of(), List.of("bash", SCRIPT.toString(), "version", Scripts.ROOT.toString(), "", "latest"));
        assertEquals(1, bad.code(), bad.toString());
    }

    static String version(Path action, String ref, String input) throws Exception {
        Scripts.Result r = Scripts.bash(action, Map.of(), List.of("bash", SCRIPT.toString(), "version", action.toString(), ref, input));
        assertEquals(0, r.code(), r.toString());
        return r.out();
    }
}
