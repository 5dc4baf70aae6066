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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Member globs against trees and patterns built to make a naive walk or matcher explode. */
class MemberGlobsHostileTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path root;

    @Test
    void manyStarsAgainstALongNameMatchInLinearTime() {
        String name = "a".repeat(255);
        String glob = "*a".repeat(60) + "*b";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 1_000; i++) assertFalse(MemberGlobs.matches(glob, name));
        });
        assertTrue(MemberGlobs.matches("*a".repeat(60) + "*", name));
        assertTrue(MemberGlobs.matches("**a*", "xa"));
        assertTrue(MemberGlobs.matches("[", "["));
        assertFalse(MemberGlobs.matches("[", "x"));
        assertTrue(MemberGlobs.matches("*[0-9]?", "crate7x"));
        assertFalse(MemberGlobs.matches("", "x"));
        assertTrue(MemberGlobs.matches("", ""));
    }

    @Test
    void doubleStarDoesNotFollowLinksToParentsOrTheRoot() throws IOException {
        Path crates = Files.createDirectories(root.resolve("crates/a"));
        Files.writeString(crates.resolve("Cargo.toml"), "");
        Files.createSymbolicLink(root.resolve("crates/a/up"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("crates/a/up2"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("crates/slash"), Path.of("/"));
        List<String> found = assertTimeoutPreemptively(BOUND, () -> MemberGlobs.expand(root, "crates/**"));
        // Never walked into; a one-level pattern still matches a linked directory by name.
        assertEquals(List.of("crates", "crates/a"), found);
        assertEquals(List.of("crates/a", "crates/slash"), MemberGlobs.expand(root, "crates/*"));
    }

    @Test
    void aGlobOverTooManyDirectoriesEndsWithAClearError() throws IOException {
        // A wide tree, two levels: 20 × 10 directories is past a cap of 100 listings (100,000 in use).
        for (int i = 0; i < 20; i++) {
            Path d = Files.createDirectories(root.resolve("w/d" + i));
            for (int j = 0; j < 10; j++) Files.createDirectory(d.resolve("e" + j));
        }
        assertEquals(List.of(), MemberGlobs.expand(root, "w/**/nothing", 300));
        IOException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(IOException.class,
                () -> MemberGlobs.expand(root, "w/**/nothing", 100)));
        assertEquals("the glob looks at more than 100 directories; name the members more narrowly", e.getMessage());
        assertEquals(100_000, MemberGlobs.MAX_VISITS);
    }

    @Test
    void theLoaderReportsTheCapAtTheMembersSetting() throws Exception {
        Files.writeString(root.resolve("Cargo.toml"), "[workspace]\nmembers = [\"crates/**\"]\n");
        Files.writeString(root.resolve("Cargo.lock"), "version = 4\n");
        Files.createDirectories(root.resolve("crates"));
        Files.createSymbolicLink(root.resolve("crates/loop"), Path.of(".."));
        // No member manifest: an empty workspace, read in bounded time despite the loop.
        assertTimeoutPreemptively(BOUND, () -> WorkspaceLoader.load(root, root.resolve("Cargo.lock")));
        Files.createDirectories(root.resolve("crates/x"));
        new ProcessBuilder("mkfifo", root.resolve("crates/x/Cargo.toml").toString()).start().waitFor();
        InputException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(InputException.class,
                () -> WorkspaceLoader.load(root, root.resolve("Cargo.lock"))));
        assertEquals("crates/x/Cargo.toml: is not a regular file (a FIFO, device or socket); not read", e.getMessage());
    }
}
