package dev.tollgate.inputs;

import dev.tollgate.inputs.io.TomlNesting;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.advisories.AdvisoryDbReader;
import dev.tollgate.inputs.cargo.CargoLockReader;
import dev.tollgate.inputs.cargo.ManifestReader;
import dev.tollgate.inputs.cargo.MetadataReader;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import dev.tollgate.inputs.tollgate.TollgateToml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reader against the inputs of issue 16: FIFOs, devices, directories, links out of the
 * repository, sparse multi-gigabyte files, nesting that overflows a recursive parser, invalid UTF-8.
 * Each must end quickly with one {@link InputException} naming the file (and the line where there
 * is one), never hang, never run out of memory or stack.
 */
class HostileInputsTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path repo;

    /** A reader of one kind of repository input: reads {@code repo/name} as {@code name}. */
    enum Reader {
        LOCKFILE("Cargo.lock", (f, d) -> CargoLockReader.read(f, d)),
        MANIFEST("Cargo.toml", (f, d) -> ManifestReader.read(f, d)),
        DENY("deny.toml", (f, d) -> DenyTomlReader.read(f, d)),
        TOLLGATE("tollgate.toml", (f, d) -> TollgateToml.read(f.getParent())),
        METADATA("metadata.json", (f, d) -> MetadataReader.read(f, d, null, null)),
        TEXT("notes.txt", (f, d) -> InputFiles.readText(f, d, InputFiles.Kind.SCRIPT));

        final String name;
        final BiConsumer<Path, String> read;

        Reader(String name, BiConsumer<Path, String> read) {
            this.name = name;
            this.read = read;
        }
    }

    private static InputException fails(Executable e) {
        return assertTimeoutPreemptively(BOUND, () -> assertThrows(InputException.class, e));
    }

    private static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor(), "mkfifo");
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aFifoIsRefusedWithoutBlocking(Reader r) throws Exception {
        Path f = repo.resolve(r.name);
        mkfifo(f);
        InputException e = fails(() -> r.read.accept(f, r.name));
        assertEquals(r.name, e.file());
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aDirectoryIsAnErrorNeverAbsent(Reader r) throws Exception {
        Path f = Files.createDirectory(repo.resolve(r.name));
        InputException e = fails(() -> r.read.accept(f, r.name));
        assertEquals(r.name + ": is a directory, not a file", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aLinkToDevZeroIsRefusedBeforeReading(Reader r) throws Exception {
        Path f = Files.createSymbolicLink(repo.resolve(r.name), Path.of("/dev/zero"));
        InputException e = fails(() -> r.read.accept(f, r.name));
        assertEquals(r.name, e.file());
        // --metadata is a path the user names (taken as given): refused as a device instead.
        String expected = r == Reader.METADATA ? "not a regular file" : "outside the repository";
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aSparseThreeGigabyteFileIsRefusedFromItsSize(Reader r) throws Exception {
        Path f = repo.resolve(r.name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(3L << 30);
        }
        InputException e = fails(() -> r.read.accept(f, r.name));
        assertTrue(e.getMessage().startsWith(r.name + ": is 3221225472 bytes, larger than the "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; not read"), e.getMessage());
    }

    @Test
    void aLinkThroughALinkedDirectoryOutOfTheRepositoryIsRefused(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("Cargo.toml"), "[package]\nname = \"x\"\nversion = \"0.1.0\"\n");
        Files.createDirectories(repo.resolve("crates"));
        Files.createSymbolicLink(repo.resolve("crates/evil"), outside);
        InputException e = fails(() -> ManifestReader.read(repo.resolve("crates/evil/Cargo.toml"), "crates/evil/Cargo.toml"));
        assertTrue(e.getMessage().startsWith("crates/evil/Cargo.toml: resolves to "), e.getMessage());
    }

    @Test
    void aLinkInsideTheRepositoryIsRead() throws Exception {
        Files.createDirectories(repo.resolve("real"));
        Files.writeString(repo.resolve("real/deny.toml"), "[bans]\nmultiple-versions = \"deny\"\n");
        Files.createSymbolicLink(repo.resolve("deny.toml"), Path.of("real/deny.toml"));
        assertEquals("deny.toml", DenyTomlReader.read(repo.resolve("deny.toml"), "deny.toml").displayPath());
    }

    @Test
    void aPathTheUserNamedIsTakenAsGivenButStillOnlyARegularFile(@TempDir Path outside) throws Exception {
        Path real = Files.writeString(outside.resolve("deny.toml"), "[bans]\n");
        Path link = Files.createSymbolicLink(repo.resolve("custom.toml"), real);
        assertEquals("custom.toml", DenyTomlReader.readGiven(link, "custom.toml").displayPath());
        Path zero = Files.createSymbolicLink(repo.resolve("zero.json"), Path.of("/dev/zero"));
        InputException e = fails(() -> MetadataReader.read(zero, "zero.json", null, null));
        assertEquals("zero.json: is not a regular file (a FIFO, device or socket); not read", e.getMessage());
    }

    @Test
    void aFileThatGrowsPastItsSizeIsCutAtTheLimit() throws Exception {
        // /proc files report size 0 but have content: the read itself stops at limit + 1 bytes.
        Path proc = Path.of("/proc/self/maps");
        if (!Files.isReadable(proc)) return;
        String text = InputFiles.readGiven(proc, "maps", InputFiles.Kind.SCRIPT);
        assertFalse(text.isEmpty());
    }

    @Test
    void invalidUtf8IsAnErrorAtItsLineAndColumn() throws Exception {
        Path f = repo.resolve("deny.toml");
        Files.write(f, new byte[] {'[', 'b', 'a', 'n', 's', ']', '\n', 'a', '=', '"', (byte) 0xC3, (byte) 0x28, '"', '\n'});
        InputException e = fails(() -> DenyTomlReader.read(f, "deny.toml"));
        assertEquals("deny.toml", e.file());
        assertEquals(2, e.line());
        assertEquals(4, e.column());
    }

    @Test
    void aMissingFileAndADanglingLinkAreNamed() throws Exception {
        InputException missing = fails(() -> CargoLockReader.read(repo.resolve("Cargo.lock"), "Cargo.lock"));
        assertEquals("Cargo.lock: file not found", missing.getMessage());
        Files.createSymbolicLink(repo.resolve("Cargo.toml"), Path.of("nowhere/Cargo.toml"));
        assertTrue(InputFiles.present(repo.resolve("Cargo.toml")));
        InputException dangling = fails(() -> ManifestReader.read(repo.resolve("Cargo.toml"), "Cargo.toml"));
        assertEquals("Cargo.toml: is a symbolic link to a missing file", dangling.getMessage());
    }

    // --- nesting ---------------------------------------------------------------------------------

    private static String nested(String open, String close, int depth) {
        return open.repeat(depth) + close.repeat(depth);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 1_000, 5_000, 200_000})
    void deepTomlIsRefusedAtTheBracketThatPassesTheLimitInEveryTomlReader(int depth) {
        String arrays = "[package]\nname = \"x\"\nversion = \"0.1.0\"\nx = " + nested("[", "]", depth) + "\n";
        String tables = "[bans]\nx = " + "{ a = ".repeat(depth) + "1" + " }".repeat(depth) + "\n";
        for (String text : List.of(arrays, tables)) {
            List<Executable> readers = List.of(
                    () -> ManifestReader.parse(text, "Cargo.toml"),
                    () -> CargoLockReader.parse("version = 4\n" + text, "Cargo.lock"),
                    () -> DenyTomlReader.parse(text, "deny.toml"),
                    () -> TollgateToml.parse(text, "tollgate.toml"));
            for (Executable r : readers) {
                InputException e = fails(r);
                assertTrue(e.getMessage().contains("nested deeper than 100 levels"), e.getMessage());
                assertTrue(e.line() >= 2 && e.line() <= 6, e.getMessage());
                assertTrue(e.column() > 0, e.getMessage());
                assertTrue(e.getMessage().length() < 200, e.getMessage());
            }
        }
    }

    @Test
    void bracketsInStringsAndCommentsDoNotCount() {
        String deep = "[".repeat(500);
        String text = "[package]\nname = \"x" + deep + "\"\nversion = '0.1.0" + deep + "'\n# " + deep + "\n"
                + "description = \"\"\"\n" + deep + "\n\"\"\"\nhomepage = '''" + deep + "'''\n"
                + "x = \"\\\"" + deep + "\"\n";
        TomlNesting.check(text, "Cargo.toml");
        TomlNesting.check("a = " + nested("[", "]", 100), "x.toml");
        InputException e = assertThrows(InputException.class, () -> TomlNesting.check("\n\na = " + nested("[", "]", 101), "x.toml"));
        assertEquals("x.toml:3:105: arrays and inline tables nested deeper than 100 levels; not read", e.getMessage());
    }

    @Test
    void deepJsonMetadataIsRefusedWithItsPosition() throws Exception {
        Path f = Files.writeString(repo.resolve("metadata.json"), "{\"packages\": " + nested("[", "]", 5_000) + "}");
        InputException e = fails(() -> MetadataReader.read(f, "metadata.json", null, null));
        assertEquals("metadata.json", e.file());
        assertEquals(1, e.line());
        assertTrue(e.column() > 0, e.getMessage());
        assertEquals("metadata.json:1:213: arrays and objects nested deeper than 200 levels; not read", e.getMessage());
    }

    @Test
    void advisoriesThatAreFifosOrDeepAreInputErrorsNotNotes() throws Exception {
        Path crate = Files.createDirectories(repo.resolve("db/crates/evil"));
        Files.writeString(crate.resolve("RUSTSEC-2030-0001.md"), "```toml\n[advisory]\nid = \"RUSTSEC-2030-0001\"\n"
                + "x = " + nested("[", "]", 5_000) + "\n```\n# Title\n");
        InputException deep = fails(() -> AdvisoryDbReader.read(repo.resolve("db"), "db", "db", LocalDate.of(2030, 1, 1)));
        assertEquals("db/crates/evil/RUSTSEC-2030-0001.md", deep.file());
        assertEquals(4, deep.line());
        Files.delete(crate.resolve("RUSTSEC-2030-0001.md"));
        mkfifo(crate.resolve("RUSTSEC-2030-0002.md"));
        InputException fifo = fails(() -> AdvisoryDbReader.read(repo.resolve("db"), "db", "db", LocalDate.of(2030, 1, 1)));
        assertEquals("db/crates/evil/RUSTSEC-2030-0002.md: is not a regular file (a FIFO, device or socket); not read", fifo.getMessage());
    }

    @Test
    void aLongValueInAMessageIsElidedInTheMiddle() {
        String value = "a".repeat(120) + "b".repeat(1_000_000) + "c".repeat(60);
        assertEquals("\"" + "a".repeat(120) + "…(1000180 characters)…" + "c".repeat(60) + "\"", InputFiles.quote(value));
        assertEquals("\"x\\\"y\"", InputFiles.quote("x\"y"));
        String deny = "[sources]\nunknown-git = \"" + "x".repeat(1_000_000) + "\"\n";
        InputException e = assertThrows(InputException.class, () -> DenyTomlReader.parse(deny, "deny.toml"));
        assertTrue(e.getMessage().length() < 500, e.getMessage().length() + " chars");
        assertTrue(e.getMessage().contains("(1000000 characters)"), e.getMessage());
    }

    @Test
    void workflowsAndTheScriptsTheyRunGoThroughTheOneReader() throws Exception {
        Path wf = Files.createDirectories(repo.resolve(".github/workflows"));
        mkfifo(wf.resolve("ci.yml"));
        InputException fifo = fails(() -> dev.tollgate.inputs.workflows.WorkflowsReader.read(repo));
        assertEquals(".github/workflows/ci.yml: is not a regular file (a FIFO, device or socket); not read", fifo.getMessage());
        Files.delete(wf.resolve("ci.yml"));
        Files.writeString(wf.resolve("ci.yml"), "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash scripts/x.sh\n");
        Files.createDirectories(repo.resolve("scripts"));
        Files.createSymbolicLink(repo.resolve("scripts/x.sh"), Path.of("/dev/urandom"));
        InputException device = fails(() -> dev.tollgate.inputs.workflows.WorkflowsReader.read(repo));
        assertTrue(device.getMessage().startsWith("scripts/x.sh: resolves to /dev/urandom"), device.getMessage());
        Files.delete(repo.resolve("scripts/x.sh"));
        Files.writeString(repo.resolve("scripts/x.sh"), "cargo test\n");
        assertTrue(assertTimeoutPreemptively(BOUND, () -> dev.tollgate.inputs.workflows.WorkflowsReader.read(repo)).stream()
                .anyMatch(f -> f.toString().contains("cargo test")));
    }

    @Test
    void theLimitsAreGenerousForRealFiles() {
        assertEquals(64L << 20, InputFiles.Kind.LOCKFILE.limit());
        assertEquals(512L << 20, InputFiles.Kind.METADATA.limit());
        assertEquals(8L << 20, InputFiles.Kind.MANIFEST.limit());
        assertEquals(8L << 20, InputFiles.Kind.CONFIG.limit());
        assertEquals(1L << 20, InputFiles.Kind.ADVISORY.limit());
    }

    @Test
    void textJustUnderTheLimitIsRead() throws IOException {
        byte[] big = new byte[(int) InputFiles.Kind.ADVISORY.limit()];
        java.util.Arrays.fill(big, (byte) 'a');
        Path f = Files.write(repo.resolve("a.md"), big);
        assertEquals(big.length, InputFiles.readText(f, "a.md", InputFiles.Kind.ADVISORY).length());
        Files.write(f, new byte[] {'b'}, java.nio.file.StandardOpenOption.APPEND);
        assertThrows(InputException.class, () -> InputFiles.readText(f, "a.md", InputFiles.Kind.ADVISORY));
        assertEquals("x", InputFiles.decode("\uFEFFx".getBytes(StandardCharsets.UTF_8), "f"));
    }
}
