package dev.tollgate.inputs.cargo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberGlobsTest {
    @Test
    void segmentMatching() {
        assertTrue(MemberGlobs.matches("*", "anything"));
        assertTrue(MemberGlobs.matches("*", ".hidden"));
        assertTrue(MemberGlobs.matches("zeroclaw-*", "zeroclaw-api"));
        assertFalse(MemberGlobs.matches("zeroclaw-*", "api"));
        assertTrue(MemberGlobs.matches("?ool", "tool"));
        assertFalse(MemberGlobs.matches("?ool", "spool"));
        assertTrue(MemberGlobs.matches("crate[0-9]", "crate7"));
        assertFalse(MemberGlobs.matches("crate[!0-9]", "crate7"));
        assertTrue(MemberGlobs.matches("crate[!0-9]", "crateX"));
        assertTrue(MemberGlobs.matches("a*b*c", "aXXbYYc"));
        assertFalse(MemberGlobs.matches("a*b*c", "aXXbYY"));
    }

    @Test
    void normalization() {
        assertEquals("", MemberGlobs.normalize("."));
        assertEquals("", MemberGlobs.normalize("./"));
        assertEquals("crates/a", MemberGlobs.normalize("./crates//a/"));
        assertEquals("crates/b", MemberGlobs.normalize("crates/a/../b"));
        assertEquals("../outside", MemberGlobs.normalize("../outside"));
    }

    @Test
    void expansionKeepsSortedDirectoriesOnly(@TempDir Path root) throws IOException {
        for (String d : List.of("crates/b", "crates/a", "crates/a/nested/deep", "crates/c/inner", "x/y/z")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("crates/.DS_Store"), "");
        assertEquals(List.of("crates/a", "crates/b", "crates/c"), MemberGlobs.expand(root, "crates/*"));
        assertEquals(List.of("crates/c/inner"), MemberGlobs.expand(root, "crates/*/inner"));
        assertEquals(List.of("crates/a/nested/deep"), MemberGlobs.expand(root, "crates/**/deep"));
        assertEquals(List.of("crates", "x"), MemberGlobs.expand(root, "*"));
        assertEquals(List.of("crates", "x"), MemberGlobs.expand(root, "./*"));
        assertEquals(List.of(), MemberGlobs.expand(root, "nothing/*"));
        assertTrue(MemberGlobs.isGlob("crates/*"));
        assertFalse(MemberGlobs.isGlob("crates/a"));
    }
}
