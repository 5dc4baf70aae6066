package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cargo's source replacement (.cargo/config.toml) in a whole check run. */
class SourceReplacementCheckTest {
    private static final String MIRROR_CONFIG = """
            # CI mirror
            [source.crates-io]
            replace-with = "mirror"

            [source.mirror]
            registry = "sparse+https://evil.example/index/"
            """;

    private static Path repo(Path tmp, String denyToml, String cargoConfig) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("Cargo.toml"), """
                [package]
                name = "app"
                version = "0.1.0"
                edition = "2021"

                [dependencies]
                serde = "1"
                """);
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("src/lib.rs"), "");
        Files.writeString(repo.resolve("Cargo.lock"), """
                version = 4

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = [
                 "serde",
                ]

                [[package]]
                name = "serde"
                version = "1.0.210"
                source = "registry+https://github.com/rust-lang/crates.io-index"
                checksum = "c8e3592472072e6e22e0a54d5904d9febf8508f65fb8552499a1abc7d1078c3a"
                """);
        if (denyToml != null) Files.writeString(repo.resolve("deny.toml"), denyToml);
        if (cargoConfig != null) {
            Files.createDirectories(repo.resolve(".cargo"));
            Files.writeString(repo.resolve(".cargo/config.toml"), cargoConfig);
        }
        return repo;
    }

    private static List<String> findings(Run r) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : r.json().get("findings")) {
            out.add(f.get("severity").asText() + " " + f.get("code").asText() + " "
                    + f.path("file").asText() + ":" + f.path("line").asText());
        }
        return out;
    }

    @Test
    void anUnapprovedMirrorOfCratesIoFailsAtTheConfigLine(@TempDir Path tmp) throws IOException {
        Path repo = repo(tmp, "[sources]\nunknown-registry = \"deny\"\n", MIRROR_CONFIG);
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "sources", "--format", "json");
        assertEquals(1, r.code(), r.toString());
        assertEquals(List.of("error unknown-registry .cargo/config.toml:3"), findings(r), r.toString());
        assertTrue(r.out().contains("https://evil.example/index"), r.out());
    }

    @Test
    void theMirrorInAllowRegistryPasses(@TempDir Path tmp) throws IOException {
        Path repo = repo(tmp, """
                [sources]
                unknown-registry = "deny"
                allow-registry = ["https://github.com/rust-lang/crates.io-index", "sparse+https://evil.example/index/"]
                """, MIRROR_CONFIG);
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "sources", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of(), findings(r), r.toString());
    }

    @Test
    void withoutTheConfigurationCratesIoPasses(@TempDir Path tmp) throws IOException {
        Path repo = repo(tmp, "[sources]\nunknown-registry = \"deny\"\n", null);
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "sources", "--format", "json");
        assertEquals(0, r.code(), r.toString());
    }

    @Test
    void vendoringIsANoteAndPasses(@TempDir Path tmp) throws IOException {
        Path repo = repo(tmp, "[sources]\nunknown-registry = \"deny\"\n", """
                [source.crates-io]
                replace-with = "vendored-sources"

                [source.vendored-sources]
                directory = "vendor"
                """);
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "sources", "--format", "json");
        assertEquals(0, r.code(), r.toString());
        assertEquals(List.of("note vendored-source .cargo/config.toml:2"), findings(r), r.toString());
    }

    @Test
    void aReplacementCycleIsAnInputError(@TempDir Path tmp) throws IOException {
        Path repo = repo(tmp, null, """
                [source.crates-io]
                replace-with = "a"
                [source.a]
                replace-with = "crates-io"
                """);
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "sources");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(".cargo/config.toml:4"), r.err());
    }

    @Test
    void aConfigThatIsADirectoryIsAnInputErrorOnlyWhenSourcesRuns(@TempDir Path tmp) throws IOException {
        Path repo = repo(tmp, null, null);
        Files.createDirectories(repo.resolve(".cargo/config.toml"));
        Run r = Run.of("check", "--repo", repo.toString(), "--policies", "sources");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(".cargo/config.toml"), r.err());
        Run bans = Run.of("check", "--repo", repo.toString(), "--policies", "bans");
        assertTrue(bans.code() != 2, bans.toString());
    }
}
