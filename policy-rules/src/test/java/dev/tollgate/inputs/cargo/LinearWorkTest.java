package dev.tollgate.inputs.cargo;

import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Inputs sized to make a per-key scan quadratic, and path dependencies written as absolute paths. */
class LinearWorkTest {
    @Test
    void aManifestWithOneHundredThousandDependenciesIsReadInSeconds() {
        StringBuilder m = new StringBuilder("[package]\nname = \"big\"\nversion = \"0.1.0\"\n\n[dependencies]\n");
        for (int i = 0; i < 100_000; i++) m.append("dep").append(i).append(" = \"1\"\n");
        Manifest manifest = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ManifestReader.parse(m.toString(), "Cargo.toml"));
        assertEquals(100_000, manifest.dependencies().size());
        Manifest.Dependency last = manifest.dependencies().get(99_999);
        assertEquals("dep99999", last.name());
        assertEquals(100_005, last.origin().line());
    }

    @Test
    void keyLinesAnswerByIndex() {
        KeyLines k = KeyLines.scan("[a]\nx = 1\n[a.b]\ny.z = 2\n[c]\n");
        assertEquals(List.of(1, 1), List.of(k.first(List.of("a"))[0], k.first(List.of("a"))[1]));
        assertEquals(4, k.first(List.of("a", "b", "y"))[0]);
        assertEquals(4, k.first(List.of("a", "b", "y", "z"))[0]);
        assertEquals(null, k.first(List.of("d")));
        assertEquals(java.util.Set.of("x", "b"), k.keys(List.of("a")));
        assertEquals(List.of("a", "c"), List.copyOf(k.keys(List.of())));
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), text);
    }

    @Test
    void anAbsolutePathDependencyIsTakenAsWritten(@TempDir Path dir, @TempDir Path outside) throws IOException {
        write(outside, "ext/Cargo.toml", "[package]\nname = \"ext\"\nversion = \"0.1.0\"\n");
        write(dir, "inner/Cargo.toml", "[package]\nname = \"inner\"\nversion = \"0.1.0\"\n");
        write(dir, "Cargo.toml", "[workspace]\nmembers = [\"a\"]\n");
        write(dir, "a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\n"
                + "ext = { path = \"" + outside.resolve("ext") + "\" }\n"
                + "inner = { path = \"" + dir.resolve("inner") + "\" }\n");
        write(dir, "Cargo.lock", "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"0.1.0\"\ndependencies = [\"ext\", \"inner\"]\n\n"
                + "[[package]]\nname = \"ext\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"inner\"\nversion = \"0.1.0\"\n");
        CargoWorkspace ws = WorkspaceLoader.load(dir, dir.resolve("Cargo.lock"));
        // the one inside the repository is a member at its relative directory; the one outside is not
        assertEquals(List.of("a", "inner"), ws.members().stream().map(m -> m.name()).sorted().toList());

        write(dir, "a/Cargo.toml", "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\n"
                + "gone = { path = \"" + dir.resolve("gone") + "\" }\n");
        InputException e = assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, dir.resolve("Cargo.lock")));
        assertEquals("Cargo.toml:1:1: path dependency \"" + dir.resolve("gone") + "\" has no Cargo.toml at gone/Cargo.toml", e.getMessage());
    }
}
