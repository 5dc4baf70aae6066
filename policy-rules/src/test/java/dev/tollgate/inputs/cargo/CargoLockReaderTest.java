package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.GitSpec;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.SourceKind;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CargoLockReaderTest {
    private static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";
    private static final String SERDE_GIT =
            "git+https://github.com/example/serde?branch=next#0123456789abcdef0123456789abcdef01234567";

    private static CargoLock fixture(String name) {
        return CargoLockReader.read(Fixtures.path("lock/" + name), "Cargo.lock");
    }

    private static LockedPackage pkg(CargoLock lock, String id) {
        return lock.find(id).orElseThrow(() -> new AssertionError("no package " + id + " in " + lock.packages()));
    }

    private static InputException fails(String text) {
        return assertThrows(InputException.class, () -> CargoLockReader.parse(text, "Cargo.lock"));
    }

    /** v1 and v2 describe the same graph; only the encoding differs. */
    @ParameterizedTest
    @ValueSource(strings = {"v1.lock", "v2.lock"})
    void v1AndV2GiveTheSameGraph(String file) {
        CargoLock lock = fixture(file);
        assertEquals(file.equals("v1.lock") ? 1 : 2, lock.version());
        assertEquals(List.of("demo@0.1.0", "itoa@1.0.9", "local-util@0.2.0", "serde@1.0.100", "serde@1.0.200"),
                lock.packages().stream().map(LockedPackage::id).toList());
        assertEquals(List.of("itoa@1.0.9", "local-util@0.2.0", "serde@1.0.100", "serde@1.0.200"),
                pkg(lock, "demo@0.1.0").dependencies());
        assertEquals(List.of("itoa@1.0.9"), pkg(lock, "local-util@0.2.0").dependencies());

        // Checksums: in [metadata] for v1, inline for v2; "<none>" (v1, git) means none.
        assertEquals("1".repeat(64), pkg(lock, "itoa@1.0.9").checksum());
        assertEquals("2".repeat(64), pkg(lock, "serde@1.0.100").checksum());
        assertEquals("", pkg(lock, "serde@1.0.200").checksum());
        assertEquals("", pkg(lock, "demo@0.1.0").checksum());

        LockedPackage git = pkg(lock, "serde@1.0.200");
        assertEquals(SourceKind.GIT, git.source().kind());
        assertEquals(SERDE_GIT, git.source().raw());
        assertEquals(GitSpec.BRANCH, git.source().gitSpec());
        assertEquals(SourceKind.LOCAL, pkg(lock, "local-util@0.2.0").source().kind());
        assertTrue(pkg(lock, "itoa@1.0.9").source().isCratesIo());
        assertTrue(lock.packages().stream().noneMatch(LockedPackage::member));
    }

    @Test
    void originsAreThePackageHeaderLines() {
        // Lines counted in the fixture files (comments at the top included).
        assertEquals(List.of(3, 13, 18, 25, 30), lines(fixture("v1.lock")));
        assertEquals(List.of(3, 13, 19, 26, 32), lines(fixture("v2.lock")));
        CargoLock v1 = fixture("v1.lock");
        assertEquals("Cargo.lock", v1.packages().get(0).origin().file());
        assertEquals(1, v1.packages().get(0).origin().column());
    }

    @Test
    void v3DisambiguatesPackagesSharingNameAndVersionBySource() {
        CargoLock lock = fixture("v3.lock");
        assertEquals(3, lock.version());
        String gitRand = "rand@0.8.5 (git+https://github.com/example/rand?rev=abc1234#abc1234def5678abc1234def5678abc1234def56)";
        String registryRand = "rand@0.8.5 (" + CRATES_IO + ")";
        assertEquals(List.of("demo@0.1.0", registryRand, gitRand, "tool@2.0.0"),
                lock.packages().stream().map(LockedPackage::id).toList());
        assertEquals(List.of(gitRand, "tool@2.0.0"), pkg(lock, "demo@0.1.0").dependencies());
        assertEquals(List.of(registryRand), pkg(lock, "tool@2.0.0").dependencies());
        assertEquals("rand@0.8.5", pkg(lock, gitRand).spec());
        assertEquals(GitSpec.REV, pkg(lock, gitRand).source().gitSpec());
        assertEquals(List.of(5, 13, 19, 24), lines(lock));
    }

    @Test
    void v4WithSparseRegistriesAndSpacedHeaders() {
        CargoLock lock = fixture("v4.lock");
        assertEquals(4, lock.version());
        assertEquals(List.of("hashbrown@0.15.2", "private-crate@1.2.3"), pkg(lock, "demo@0.1.0").dependencies());
        assertEquals(SourceKind.SPARSE_REGISTRY, pkg(lock, "hashbrown@0.15.2").source().kind());
        assertTrue(pkg(lock, "hashbrown@0.15.2").source().isCratesIo());
        assertFalse(pkg(lock, "private-crate@1.2.3").source().isCratesIo());
        assertEquals(List.of(5, 13, 19), lines(lock));
    }

    @Test
    void headerLinesComeFromTomljWhenTheLineScanCannotBeTrusted() {
        assertEquals(List.of(5, 12), lines(fixture("multiline-string.lock")));
        assertEquals(List.of(5, 9), lines(fixture("quoted-header.lock")));
    }

    @Test
    void scanFindsHeadersOnly() {
        String text = "version = 3\n\n[[package]]\nname = \"a\"\n# [[package]]\n [[ package ]]\n[[packages]]\n";
        assertEquals(List.of(3, 6), java.util.Arrays.stream(CargoLockReader.scanHeaders(text)).boxed().toList());
        assertEquals(null, CargoLockReader.scanHeaders("a = '''\n'''\n"));
    }

    @Test
    void emptyLockfileHasNoPackages() {
        CargoLock lock = CargoLockReader.parse("version = 4\n", "Cargo.lock");
        assertEquals(4, lock.version());
        assertTrue(lock.packages().isEmpty());
        assertEquals(1, CargoLockReader.parse("", "Cargo.lock").version());
    }

    @Test
    void crlfLineEndingsKeepLines() {
        CargoLock lock = CargoLockReader.parse(
                "version = 3\r\n\r\n[[package]]\r\nname = \"a\"\r\nversion = \"1.0.0\"\r\n\r\n[[package]]\r\nname = \"b\"\r\nversion = \"1.0.0\"\r\n",
                "Cargo.lock");
        assertEquals(List.of(3, 7), lines(lock));
    }

    @Test
    void malformedTomlNamesTheLine() {
        InputException e = fails("version = 3\n\n[[package]]\nname = \"a\nversion = \"1.0.0\"\n");
        assertEquals("Cargo.lock", e.file());
        assertEquals(4, e.line());
        assertTrue(e.column() > 0);
        assertTrue(e.getMessage().startsWith("Cargo.lock:4:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed TOML"), e.getMessage());
    }

    @Test
    void duplicateKeyNamesTheSecondDefinition() {
        InputException e = fails("version = 3\n[[package]]\nname = \"a\"\nname = \"b\"\nversion = \"1\"\n");
        assertEquals(4, e.line());
    }

    @Test
    void packageWithoutNameOrVersion() {
        InputException noName = fails("version = 3\n\n[[package]]\nversion = \"1.0.0\"\n");
        assertEquals("Cargo.lock:3:1: package without a name", noName.getMessage());
        InputException noVersion = fails("version = 3\n\n[[package]]\nname = \"a\"\n\n[[package]]\nname = \"b\"\n");
        assertEquals(3, noVersion.line());
        assertTrue(noVersion.getMessage().contains("package a without a version"), noVersion.getMessage());
        InputException notString = fails("version = 3\n[[package]]\nname = 7\nversion = \"1\"\n");
        assertEquals(2, notString.line());
    }

    @Test
    void unknownDependencyNamesItsLine() {
        InputException e = fails("""
                version = 3

                [[package]]
                name = "a"
                version = "1.0.0"
                dependencies = [
                 "b",
                 "ghost 0.1.0",
                ]

                [[package]]
                name = "b"
                version = "1.0.0"
                """);
        assertEquals(8, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("dependency \"ghost 0.1.0\" of a 1.0.0 names no locked package"), e.getMessage());
    }

    @Test
    void dependencyWithWrongVersionOrSourceNamesNoPackage() {
        String packages = "\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\nsource = \"" + CRATES_IO + "\"\n";
        fails("version = 3\n[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"b 2.0.0\"]\n" + packages);
        fails("version = 3\n[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"b 1.0.0 (sparse+https://x/)\"]\n" + packages);
        CargoLock ok = CargoLockReader.parse(
                "version = 3\n[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"b 1.0.0 (" + CRATES_IO + ")\"]\n" + packages,
                "Cargo.lock");
        assertEquals(List.of("b@1.0.0"), ok.packages().get(0).dependencies());
    }

    @Test
    void bareNameMatchingTwoPackagesIsAmbiguous() {
        InputException e = fails("""
                version = 3
                [[package]]
                name = "a"
                version = "1.0.0"
                dependencies = ["b"]
                [[package]]
                name = "b"
                version = "1.0.0"
                [[package]]
                name = "b"
                version = "2.0.0"
                """);
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("ambiguous"), e.getMessage());
    }

    @Test
    void unknownSourcePrefix() {
        InputException e = fails("version = 3\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = \"svn+https://example.com/a\"\n");
        assertEquals(6, e.line());
        assertEquals(10, e.column());
        assertTrue(e.getMessage().contains("unknown source kind \"svn+https://example.com/a\""), e.getMessage());
    }

    @Test
    void unsupportedVersion() {
        InputException e = fails("# comment\nversion = 5\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\n");
        assertEquals("Cargo.lock:2:1: unsupported lockfile version 5 (this reader understands 1 to 4)", e.getMessage());
        fails("version = \"4\"\n");
        fails("version = 0\n");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class,
                () -> CargoLockReader.read(dir.resolve("Cargo.lock"), "sub/Cargo.lock"));
        assertEquals("sub/Cargo.lock: file not found", e.getMessage());
    }

    @Test
    void wrongShapes() {
        assertEquals("Cargo.lock: `package` is not an array of tables", fails("package = 3\n").getMessage());
        assertEquals(2, fails("version = 3\n[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = \"b\"\n").line());
        assertEquals(2, fails("version = 3\n[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [1]\n").line());
    }

    private static List<Integer> lines(CargoLock lock) {
        return lock.packages().stream().map(p -> p.origin().line()).toList();
    }

    @Test
    void aLockfileChangedWithItsSizeAndTimeKeptIsReadAgain(@TempDir Path dir) throws java.io.IOException {
        // parsed lockfiles and manifests are kept by the SHA-256 of their text, never by size and time
        Path f = dir.resolve("Cargo.lock");
        String lock = "version = 4\n\n[[package]]\nname = \"alpha\"\nversion = \"1.2.3\"\n";
        java.nio.file.Files.writeString(f, lock);
        java.nio.file.attribute.FileTime time = java.nio.file.Files.getLastModifiedTime(f);
        assertEquals("1.2.3", CargoLockReader.read(f, "Cargo.lock").packages().get(0).version());
        assertEquals("1.2.3", CargoLockReader.read(f, "Cargo.lock").packages().get(0).version());
        java.nio.file.Files.writeString(f, lock.replace("1.2.3", "1.2.4"));
        java.nio.file.Files.setLastModifiedTime(f, time);
        assertEquals("1.2.4", CargoLockReader.read(f, "Cargo.lock").packages().get(0).version());
        // the same text under another name is that name's
        assertEquals("sub/Cargo.lock:3:1", CargoLockReader.read(f, "sub/Cargo.lock").packages().get(0).origin().toString());

        Path m = dir.resolve("Cargo.toml");
        java.nio.file.Files.writeString(m, "[package]\nname = \"alpha\"\nversion = \"1.2.3\"\n");
        time = java.nio.file.Files.getLastModifiedTime(m);
        assertEquals("1.2.3", ManifestReader.read(m, "Cargo.toml").pkg().version());
        java.nio.file.Files.writeString(m, "[package]\nname = \"alpha\"\nversion = \"1.2.4\"\n");
        java.nio.file.Files.setLastModifiedTime(m, time);
        assertEquals("1.2.4", ManifestReader.read(m, "Cargo.toml").pkg().version());
    }
}
