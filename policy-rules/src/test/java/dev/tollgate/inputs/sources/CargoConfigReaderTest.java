package dev.tollgate.inputs.sources;

import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.Source;
import dev.tollgate.api.facts.SourceReplacement;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CargoConfigReaderTest {
    @TempDir
    Path repo;

    private static SourceReplacement only(List<SourceReplacement> rs) {
        assertEquals(1, rs.size(), rs::toString);
        return rs.get(0);
    }

    @Test
    void cratesIoReplacedByARegistryMirror() {
        SourceReplacement r = only(CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = "mirror"

                [source.mirror]
                registry = "https://evil.example/index"
                """, ".cargo/config.toml"));
        assertEquals("crates-io", r.source());
        assertEquals(Source.CRATES_IO_KEY, r.replacesKey());
        assertEquals("mirror", r.replacedBy());
        assertEquals(SourceReplacement.Kind.REGISTRY, r.kind());
        assertEquals("https://evil.example/index", r.key());
        assertEquals(Location.of(".cargo/config.toml", 2, 1), r.origin());
    }

    @Test
    void sparseMirrorKeepsItsSparseKey() {
        SourceReplacement r = only(CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = "mirror"
                [source.mirror]
                registry = "sparse+https://Mirror.example/index/"
                """, ".cargo/config.toml"));
        assertEquals(SourceReplacement.Kind.SPARSE, r.kind());
        assertEquals("sparse+https://mirror.example/index", r.key());
        assertEquals("mirror.example", r.host());
    }

    @Test
    void chainsAreFollowedToTheEndAndEachLinkIsAReplacement() {
        List<SourceReplacement> rs = CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = "a"
                [source.a]
                registry = "https://a.example/index"
                replace-with = "b"
                [source.b]
                directory = "vendor"
                """, ".cargo/config.toml");
        assertEquals(2, rs.size());
        assertEquals("b", rs.get(0).replacedBy());
        assertEquals(SourceReplacement.Kind.DIRECTORY, rs.get(0).kind());
        assertEquals("vendor", rs.get(0).url());
        assertEquals("a", rs.get(1).source());
        assertEquals("https://a.example/index", rs.get(1).replacesKey());
    }

    @Test
    void replaceWithMayNameARegistriesEntry() {
        SourceReplacement r = only(CargoConfigReader.parse("""
                [registries.corp]
                index = "sparse+https://corp.example/index/"
                [source.crates-io]
                replace-with = "corp"
                """, ".cargo/config.toml"));
        assertEquals("corp", r.replacedBy());
        assertEquals(SourceReplacement.Kind.SPARSE, r.kind());
        assertEquals("sparse+https://corp.example/index", r.key());
        assertEquals(4, r.origin().line());
    }

    @Test
    void localRegistryAndGit() {
        List<SourceReplacement> rs = CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = "local"
                [source.local]
                local-registry = "/srv/registry"
                [source.other]
                registry = "https://other.example/index"
                replace-with = "g"
                [source.g]
                git = "https://github.com/Someone/mirror"
                branch = "main"
                """, ".cargo/config.toml");
        assertEquals(SourceReplacement.Kind.LOCAL_REGISTRY, rs.get(0).kind());
        assertEquals(SourceReplacement.Kind.GIT, rs.get(1).kind());
        assertEquals("github.com", rs.get(1).host());
        assertEquals("someone", rs.get(1).org());
    }

    @Test
    void replacingWithCratesIoItselfIsCratesIo() {
        SourceReplacement r = only(CargoConfigReader.parse("""
                [source.corp]
                registry = "https://corp.example/index"
                replace-with = "crates-io"
                """, ".cargo/config.toml"));
        assertEquals(Source.CRATES_IO_KEY, r.key());
    }

    @Test
    void aCycleIsAnInputErrorAtTheReplaceWithLine() {
        InputException e = assertThrows(InputException.class, () -> CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = "a"
                [source.a]
                replace-with = "b"
                [source.b]
                replace-with = "a"
                """, ".cargo/config.toml"));
        assertTrue(e.getMessage().contains(".cargo/config.toml:6"), e.getMessage());
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void aSelfReplacementIsACycle() {
        InputException e = assertThrows(InputException.class, () -> CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = "crates-io"
                """, ".cargo/config.toml"));
        assertTrue(e.getMessage().contains(".cargo/config.toml:2"), e.getMessage());
    }

    @Test
    void anUndefinedNameOrTwoKindsOrAWrongTypeIsAnInputError() {
        assertThrows(InputException.class, () -> CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = "nowhere"
                """, ".cargo/config.toml"));
        assertThrows(InputException.class, () -> CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = "m"
                [source.m]
                registry = "https://a.example/index"
                directory = "vendor"
                """, ".cargo/config.toml"));
        InputException e = assertThrows(InputException.class, () -> CargoConfigReader.parse("""
                [source.crates-io]
                replace-with = 3
                """, ".cargo/config.toml"));
        assertTrue(e.getMessage().contains(".cargo/config.toml:2"), e.getMessage());
    }

    @Test
    void noConfigurationNoReplacement() {
        assertEquals(List.of(), CargoConfigReader.read(repo, null));
        assertEquals(List.of(), CargoConfigReader.parse("[build]\njobs = 2\n", ".cargo/config.toml"));
    }

    @Test
    void theLegacyFileNameIsReadAndWinsOverConfigToml() throws Exception {
        Files.createDirectories(repo.resolve(".cargo"));
        Files.writeString(repo.resolve(".cargo/config"), "[source.crates-io]\nreplace-with = \"m\"\n[source.m]\nregistry = \"https://legacy.example/index\"\n");
        SourceReplacement r = only(CargoConfigReader.read(repo, null));
        assertEquals(".cargo/config", r.origin().file());
        Files.writeString(repo.resolve(".cargo/config.toml"), "[source.crates-io]\nreplace-with = \"m\"\n[source.m]\nregistry = \"https://new.example/index\"\n");
        assertEquals("https://legacy.example/index", only(CargoConfigReader.read(repo, null)).url());
    }

    @Test
    void cargoHomeIsReadAndTheRepositoryWinsKeyByKey(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("config.toml"), "[source.crates-io]\nreplace-with = \"m\"\n[source.m]\nregistry = \"https://home.example/index\"\n");
        SourceReplacement r = only(CargoConfigReader.read(repo, home));
        assertEquals("$CARGO_HOME/config.toml", r.origin().file());
        Files.createDirectories(repo.resolve(".cargo"));
        Files.writeString(repo.resolve(".cargo/config.toml"), "[source.m]\nregistry = \"https://repo.example/index\"\n");
        r = only(CargoConfigReader.read(repo, home));
        assertEquals("https://repo.example/index", r.url());
        assertEquals("$CARGO_HOME/config.toml", r.origin().file());
    }

    @Test
    void aConfigThatIsADirectoryIsRefused() throws Exception {
        Files.createDirectories(repo.resolve(".cargo/config.toml"));
        InputException e = assertThrows(InputException.class, () -> CargoConfigReader.read(repo, null));
        assertTrue(e.getMessage().contains(".cargo/config.toml"), e.getMessage());
    }

    @Test
    void aConfigThatIsAFifoIsRefusedWithoutBlocking() throws Exception {
        Files.createDirectories(repo.resolve(".cargo"));
        Process mk = new ProcessBuilder("mkfifo", repo.resolve(".cargo/config.toml").toString()).inheritIO().start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
        InputException e = assertThrows(InputException.class, () -> CargoConfigReader.read(repo, null));
        assertTrue(e.getMessage().contains(".cargo/config.toml"), e.getMessage());
    }

    @Test
    void aLinkOutOfTheRepositoryIsRefused(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("config.toml"), "[source.crates-io]\nreplace-with = \"crates-io\"\n");
        Files.createDirectories(repo.resolve(".cargo"));
        Files.createSymbolicLink(repo.resolve(".cargo/config.toml"), secret);
        assertThrows(InputException.class, () -> CargoConfigReader.read(repo, null));
    }
}
