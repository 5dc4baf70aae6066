package dev.tollgate.docs;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/embedding.md's pom, with the doc's example as its only source file, builds and runs in an empty
 * directory with Maven, as a new user's project would, against the jars of this build: they are put in a
 * local repository of the test's own (as {@code mvn install} would put them, so the real local repository is
 * never written and need not hold any Tollgate artifact), and every other artifact comes from the build's local
 * repository, used as the only remote one (a mirror of everything): no network.
 *
 * <p>Variants of the same pom measure the embedder's class path (docs/embedding.md, Footprint): without the
 * compiler, custom rules fail with the error that names it; with the doc's commented-out dependency, they compile.
 */
class EmbeddingPomIT {
    private static final Path ROOT = Corpus.projectRoot();
    private static final String VERSION = System.getProperty("tollgate.version", "0.1.0-SNAPSHOT");
    private static final List<String> TOOLCHAIN = List.of("drools-compiler-", "drools-model-codegen-", "drools-drl-parser-",
            "drools-mvel-", "mvel2-", "ecj-", "drools-ecj-", "javaparser-", "antlr-runtime-3", "policy-rules-compiler-");

    @TempDir
    static Path tmp;
    static Path settings;
    static MarkdownBlocks doc;
    static String pom;

    @BeforeAll
    static void aRepositoryWithThisBuildsArtifacts() throws IOException {
        doc = MarkdownBlocks.read(ROOT.resolve("docs/embedding.md"));
        List<MarkdownBlocks.Block> poms = doc.withInfo("xml").stream().filter(b -> b.text().contains("<project")).toList();
        assertEquals(1, poms.size(), "one complete pom in the doc");
        pom = poms.get(0).text();
        assertTrue(pom.contains("<artifactId>tollgate-bom</artifactId><version>" + VERSION + "</version>"),
                "the doc's pom imports the BOM of this version, " + VERSION);

        Path repo = tmp.resolve("repo");
        install(repo, "tollgate-parent", ROOT.resolve("pom.xml"), null);
        install(repo, "tollgate-bom", ROOT.resolve("policy-api/bom/pom.xml"), null);
        install(repo, "policy-api", ROOT.resolve("policy-api/pom.xml"), ROOT.resolve("policy-api/target/policy-api-" + VERSION + ".jar"));
        install(repo, "policy-rules", ROOT.resolve("policy-rules/pom.xml"), ROOT.resolve("policy-rules/target/policy-rules-" + VERSION + ".jar"));
        install(repo, "policy-rules-compiler", ROOT.resolve("policy-rules/compiler/pom.xml"),
                ROOT.resolve("policy-rules/compiler/target/policy-rules-compiler-" + VERSION + ".jar"));
        String buildRepo = System.getProperty("tollgate.localRepository", System.getProperty("user.home") + "/.m2/repository");
        settings = tmp.resolve("settings.xml");
        Files.writeString(settings, "<settings>\n  <localRepository>" + repo + "</localRepository>\n  <mirrors>\n"
                + "    <mirror><id>build</id><mirrorOf>*</mirrorOf><url>" + Path.of(buildRepo).toUri() + "</url></mirror>\n"
                + "  </mirrors>\n</settings>\n");
    }

    private static void install(Path repo, String artifact, Path pomFile, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("dev/tollgate/" + artifact + "/" + VERSION));
        Files.copy(pomFile, dir.resolve(artifact + "-" + VERSION + ".pom"));
        if (jar != null) {
            assertTrue(Files.isRegularFile(jar), jar + " is built (run the IT phase: mvn verify)");
            Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"));
        }
    }

    /** A project made of {@code pomText} and the doc's example, plus {@code extra} Java files (name, text). */
    private static Path project(String name, String pomText, String... extra) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("pom.xml"), pomText);
        Path src = Files.createDirectories(dir.resolve("src/main/java"));
        List<MarkdownBlocks.Block> java = doc.withInfo("java");
        assertEquals(1, java.size(), "one complete Java example");
        Files.writeString(src.resolve("EmbeddingExample.java"), java.get(0).text());
        for (int i = 0; i < extra.length; i += 2) Files.writeString(src.resolve(extra[i]), extra[i + 1]);
        return dir;
    }

    private static String mvn(Path project, String... args) throws Exception {
        String home = System.getProperty("maven.home");
        List<String> cmd = new ArrayList<>(List.of(home == null ? "mvn" : Path.of(home, "bin", "mvn").toString(),
                "-B", "-q", "-Dstyle.color=never", "-s", settings.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().remove("MAVEN_ARGS");
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        // Maven 3.8's console resets colours even with -B (ESC[0m): not part of the program's output
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "mvn ends");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    @Test
    void theDocsPomBuildsAndRunsTheExampleFromAnEmptyDirectory() throws Exception {
        Path project = project("example", pom);
        String out = mvn(project, "compile", "exec:exec", "-Drepo=" + ROOT.resolve("test-fixtures/demo"));
        List<MarkdownBlocks.Block> shown = doc.withInfo("text");
        assertEquals(1, shown.size(), "the doc shows the example's output once");
        assertEquals(shown.get(0).text(), out);
    }

    /** The probe: prints its class path, one entry a line, then builds an engine with one custom rule file. */
    private static final String PROBE = """
            import dev.tollgate.api.EngineOptions;
            import dev.tollgate.api.RulesException;
            import dev.tollgate.api.Tollgate;
            import java.io.File;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;

            public class FootprintProbe {
                public static void main(String[] args) throws Exception {
                    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) System.out.println("cp " + e);
                    Path rules = Files.createTempDirectory("rules");
                    Files.writeString(rules.resolve("msrv.drl"), "package acme.msrv;\\nimport dev.tollgate.api.facts.RunContext;\\n"
                            + "rule \\"seen\\" when RunContext() then end\\n");
                    try {
                        System.out.println("policies " + Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(rules))
                                .withCacheDir(rules.resolve("cache"))).policies());
                    } catch (RulesException e) {
                        System.out.println("rules-exception " + e.getMessage());
                    }
                }
            }
            """;

    private static List<Path> jars(String out) {
        return out.lines().filter(l -> l.startsWith("cp ") && l.endsWith(".jar")).map(l -> Path.of(l.substring(3))).toList();
    }

    private static String footprint(List<Path> jars) throws IOException {
        long bytes = 0;
        for (Path j : jars) bytes += Files.size(j);
        return jars.size() + " jars, " + String.format(Locale.ROOT, "%.1f", bytes / 1048576.0) + " MiB";
    }

    @Test
    void embeddersOfTheBundledRulesGetNoCompilerAndCustomRulesNameIt() throws Exception {
        String probePom = pom.replace("<argument>EmbeddingExample</argument>", "<argument>FootprintProbe</argument>");
        assertFalse(probePom.equals(pom), "the doc's pom runs EmbeddingExample");
        String out = mvn(project("bundled-only", probePom, "FootprintProbe.java", PROBE), "compile", "exec:exec");
        List<Path> jars = jars(out).stream().filter(j -> !j.getFileName().toString().startsWith("slf4j-nop-")).toList();
        for (Path j : jars) {
            String n = j.getFileName().toString();
            for (String t : TOOLCHAIN) assertFalse(n.startsWith(t), n + " is part of the compile toolchain, on an embedder's class path");
            assertFalse(n.startsWith("policy-scenarios-") || n.startsWith("jackson-dataformat-yaml-"), n + " serves `rules test` only");
        }
        System.out.println("EmbeddingPomIT footprint, bundled rules only (no SLF4J backend): " + footprint(jars));
        assertTrue(out.contains("rules-exception ") && out.contains("msrv.drl") && out.contains("custom rules need the rule compiler")
                && out.contains("dev.tollgate:policy-rules-compiler:" + VERSION), out);

        String withCompiler = probePom.replaceFirst("<!-- Only with custom rules \\(EngineOptions.withRuleDirs\\):\\s*", "")
                .replaceFirst("</dependency>\\s*-->", "</dependency>");
        assertFalse(withCompiler.equals(probePom), "the doc's pom names the compiler, commented out");
        String compiled = mvn(project("custom-rules", withCompiler, "FootprintProbe.java", PROBE), "compile", "exec:exec");
        assertTrue(compiled.contains("policies [") && compiled.contains("msrv"), compiled);
        List<Path> all = jars(compiled).stream().filter(j -> !j.getFileName().toString().startsWith("slf4j-nop-")).toList();
        System.out.println("EmbeddingPomIT footprint, with policy-rules-compiler: " + footprint(all));
    }
}
