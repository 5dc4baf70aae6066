package dev.tollgate.runner;

import dev.tollgate.report.Printable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 through the command line, in process: hostile files end in exit 2 with one line naming
 * the file, in bounded time; input text in every human-readable report and on stderr is escaped, and
 * no line of them is a GitHub workflow command.
 */
class HostileInputsCliTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    /** ESC, BEL, CR, LF, a forged workflow command, U+202E (bidi override) and U+0085 (C1 NEL). */
    static final String EVIL = "evil\\u001b[31m\\u0007\\r\\n::add-mask::hidden\\u202e\\u0085x";

    static Path workspace(Path repo, String extraPackageName) throws IOException {
        Files.writeString(repo.resolve("Cargo.toml"), "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        Files.writeString(repo.resolve("Cargo.lock"), "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n\n"
                + "[[package]]\nname = \"" + extraPackageName + "\"\nversion = \"1.0.0\"\n"
                + "source = \"registry+https://evil.example/index\"\n"
                + "checksum = \"0000000000000000000000000000000000000000000000000000000000000000\"\n");
        return repo;
    }

    private static Run run(String... args) {
        return assertTimeoutPreemptively(BOUND, () -> Run.of(args));
    }

    private static void oneLineExitTwo(Run r, String expectedErr) {
        assertEquals(2, r.code(), r.toString());
        assertEquals("", r.out());
        assertEquals(expectedErr + "\n", r.err());
    }

    private static void mkfifo(Path p) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
    }

    @Test
    void aFifoAsTheRootManifestIsExitTwoWithoutHanging(@TempDir Path repo) throws Exception {
        workspace(repo, "x");
        Files.delete(repo.resolve("Cargo.toml"));
        mkfifo(repo.resolve("Cargo.toml"));
        oneLineExitTwo(run("check", "--repo", repo.toString(), "--policies", "sources"),
                "tollgate: Cargo.toml: is not a regular file (a FIFO, device or socket); not read");
    }

    @Test
    void aManifestLinkedToDevZeroIsExitTwoBeforeReadingIt(@TempDir Path repo) throws Exception {
        workspace(repo, "x");
        Files.delete(repo.resolve("Cargo.toml"));
        Files.createSymbolicLink(repo.resolve("Cargo.toml"), Path.of("/dev/zero"));
        Run r = run("check", "--repo", repo.toString(), "--policies", "sources");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("tollgate: Cargo.toml: resolves to /dev/zero through a symbolic link, outside the repository"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aSparseThreeGigabyteLockfileIsExitTwoFromItsSize(@TempDir Path repo) throws Exception {
        workspace(repo, "x");
        try (RandomAccessFile raf = new RandomAccessFile(repo.resolve("Cargo.lock").toFile(), "rw")) {
            raf.setLength(3L << 30);
        }
        oneLineExitTwo(run("check", "--repo", repo.toString(), "--policies", "sources"),
                "tollgate: Cargo.lock: is 3221225472 bytes, larger than the 64 MiB a Cargo.lock may have; not read");
    }

    @Test
    void unreadablePolicyFilesAreExitTwoNeverAbsent(@TempDir Path repo) throws Exception {
        workspace(repo, "x");
        Files.createDirectory(repo.resolve("deny.toml"));
        oneLineExitTwo(run("check", "--repo", repo.toString(), "--policies", "sources"),
                "tollgate: deny.toml: is a directory, not a file");
        Files.delete(repo.resolve("deny.toml"));
        mkfifo(repo.resolve("tollgate.toml"));
        oneLineExitTwo(run("check", "--repo", repo.toString(), "--policies", "sources"),
                "tollgate: tollgate.toml: is not a regular file (a FIFO, device or socket); not read");
        Files.delete(repo.resolve("tollgate.toml"));
        mkfifo(repo.resolve("deny.toml"));
        oneLineExitTwo(run("check", "--repo", repo.toString(), "--policies", "sources"),
                "tollgate: deny.toml: is not a regular file (a FIFO, device or socket); not read");
        Files.delete(repo.resolve("deny.toml"));
        Files.writeString(repo.resolve("deny.toml"), "");
        assertTrue(repo.resolve("deny.toml").toFile().setReadable(false));
        if (!Files.isReadable(repo.resolve("deny.toml"))) { // root reads anything
            oneLineExitTwo(run("check", "--repo", repo.toString(), "--policies", "sources"),
                    "tollgate: deny.toml: cannot read: permission denied");
        }
    }

    @Test
    void deeplyNestedTomlIsExitTwoAtItsPositionWithNoTrace(@TempDir Path repo) throws Exception {
        workspace(repo, "x");
        Files.writeString(repo.resolve("deny.toml"), "[bans]\nx = " + "{ a = ".repeat(5_000) + "1" + " }".repeat(5_000) + "\n");
        oneLineExitTwo(run("check", "--repo", repo.toString(), "--policies", "sources"),
                "tollgate: deny.toml:2:605: arrays and inline tables nested deeper than 100 levels; not read");
        Files.delete(repo.resolve("deny.toml"));
        Files.writeString(repo.resolve("Cargo.lock"), "version = 4\nx = " + "[".repeat(1_000) + "]".repeat(1_000) + "\n");
        oneLineExitTwo(run("check", "--repo", repo.toString(), "--policies", "sources"),
                "tollgate: Cargo.lock:2:105: arrays and inline tables nested deeper than 100 levels; not read");
    }

    /** Characters that must never reach a human-readable output raw. */
    static void noRawControls(String out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x202e || c == 0x061c
                    || c == 0x200e || c == 0x200f || (c >= 0x2066 && c <= 0x2069) || c == '\r';
            assertFalse(control, "raw U+" + Integer.toHexString(c) + " at " + i + " in:\n" + out);
        }
    }

    @Test
    void controlCharactersInACrateNameReachNoHumanReadableReportRaw(@TempDir Path repo) throws Exception {
        workspace(repo, EVIL);
        for (String format : List.of("text", "github", "markdown", "junit")) {
            Run r = run("check", "--repo", repo.toString(), "--policies", "sources", "--format", format);
            assertEquals(0, r.code(), r.toString()); // an unknown registry warns
            assertTrue(r.out().contains("evil\\x1b[31m\\x07"), format + ":\n" + r.out());
            assertTrue(r.out().contains("\\u{202e}\\x85x"), format + ":\n" + r.out());
            noRawControls(r.out());
            for (String line : r.out().split("\n")) {
                String t = line.stripLeading();
                if (format.equals("github") && t.startsWith("::")) {
                    // the one command is ours; "::" inside its message is data, not a command
                    assertTrue(t.startsWith("::warning file=Cargo.lock,line=7,col=1,title=tollgate sources/unknown-registry "), line);
                } else {
                    assertFalse(t.startsWith("::"), format + " line is a workflow command: " + line);
                }
            }
        }
        // JSON keeps the exact value, escaped as JSON.
        Run json = run("check", "--repo", repo.toString(), "--policies", "sources", "--format", "json");
        assertEquals("evil\u001b[31m\u0007\r\n::add-mask::hidden\u202e\u0085x@1.0.0",
                json.json().get("findings").get(0).get("subject").asText());
    }

    @Test
    void aMessageStartingWithAWorkflowCommandIsDefused(@TempDir Path repo) throws Exception {
        workspace(repo, "::error file=x::forged");
        Run r = run("check", "--repo", repo.toString(), "--policies", "sources");
        for (String line : r.out().split("\n")) assertFalse(line.stripLeading().startsWith("::"), r.out());
        assertTrue(r.out().contains("      \\x3a:error file=x::forged@1.0.0 comes from"), r.out());
    }

    @Test
    void oneLineErrorsOnStderrEscapeWhatTheyQuote(@TempDir Path repo) throws Exception {
        workspace(repo, "x");
        Files.writeString(repo.resolve("deny.toml"), "[sources]\nunknown-git = \"\\u001b]0;pwned\\u0007\\n::add-mask::x\"\n");
        Run r = run("check", "--repo", repo.toString(), "--policies", "sources");
        assertEquals(2, r.code(), r.toString());
        noRawControls(r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("\\x1b]0;pwned\\x07\\x0a::add-mask::x"), r.err());
    }

    @Test
    void theStderrWriterEscapesAndDefusesLines() throws IOException {
        StringWriter w = new StringWriter();
        try (PrintWriter p = new PrintWriter(Printable.lines(w), true)) {
            p.println("tollgate: a\u001bb\tc");
            p.println("  ::add-mask::x");
            p.print("::part");
            p.flush();
            p.print("::same-line");
            p.println();
        }
        assertEquals("tollgate: a\\x1bb\tc\n  \\x3a:add-mask::x\n\\x3a:part::same-line\n", w.toString());
        assertEquals("a\\u{2066}b\\x9b", Printable.escape("a\u2066b\u009b"));
    }

    @Test
    void crashesAreExitTwoWithOneLine() {
        StringWriter w = new StringWriter();
        assertEquals(2, Cli.internalError(new PrintWriter(w, true), new StackOverflowError(), false));
        assertEquals("tollgate: internal error: stack overflow (an input nested too deeply?); --debug shows the trace\n", w.toString());
        StringWriter oom = new StringWriter();
        assertEquals(2, Cli.internalError(new PrintWriter(oom, true), new OutOfMemoryError("Java heap space"), false));
        assertEquals(1, oom.toString().lines().count());
        assertTrue(oom.toString().startsWith("tollgate: internal error: out of memory (Java heap space)"), oom.toString());
    }

    @Test
    void aChildJvmThatDiesIsExitTwoNeverOne() {
        assertEquals(0, FastStart.relayed(0));
        assertEquals(1, FastStart.relayed(1));
        assertEquals(2, FastStart.relayed(2));
        assertEquals(2, FastStart.relayed(137)); // SIGKILL, e.g. the kernel's OOM killer
        assertEquals(2, FastStart.relayed(134)); // SIGABRT, a JVM crash
        assertEquals(2, FastStart.relayed(3));   // -XX:+ExitOnOutOfMemoryError
    }
}
