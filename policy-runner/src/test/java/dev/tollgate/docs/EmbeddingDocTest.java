package dev.tollgate.docs;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** docs/embedding.md's example is compiled and run, and prints what the doc says it prints. */
class EmbeddingDocTest {
    @Test
    void theExampleCompilesRunsAndPrintsWhatTheDocShows(@TempDir Path tmp) throws Exception {
        Path root = Corpus.projectRoot();
        MarkdownBlocks doc = MarkdownBlocks.read(root.resolve("docs/embedding.md"));
        List<MarkdownBlocks.Block> java = doc.withInfo("java");
        assertEquals(1, java.size(), "one complete Java example");
        Path src = Files.createDirectories(tmp.resolve("src")).resolve("EmbeddingExample.java");
        Files.writeString(src, java.get(0).text());
        Path classes = Files.createDirectories(tmp.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to compile the doc's example");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(), "-Xlint:all", "-Werror",
                "-classpath", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the example does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));

        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("EmbeddingExample").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[]{root.resolve("test-fixtures/demo").toString()});
        } finally {
            System.setOut(saved);
        }
        List<MarkdownBlocks.Block> shown = doc.withInfo("text");
        assertEquals(1, shown.size(), "the doc shows the example's output once");
        assertEquals(shown.get(0).text(), printed.toString(StandardCharsets.UTF_8));
    }
}
