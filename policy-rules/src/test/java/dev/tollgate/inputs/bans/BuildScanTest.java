package dev.tollgate.inputs.bans;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Header detection, checksums, globs and the crate walk of {@link BuildScan}, on files the test writes. */
class BuildScanTest {
    @TempDir
    Path dir;

    static byte[] padded(byte[] head, int size) {
        return Arrays.copyOf(head, size);
    }

    static BuildScan.Header classify(byte[] b, String name) {
        return BuildScan.classify(b, b.length, name, false);
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void nativeHeaders() {
        assertEquals("elf", classify(padded(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 64), "tool").kind());
        assertEquals("pe", classify(padded(new byte[] {'M', 'Z', (byte) 0x90}, 64), "tool.exe").kind());
        for (int magic : new int[] {0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe}) {
            byte[] b = padded(new byte[] {(byte) (magic >>> 24), (byte) (magic >>> 16), (byte) (magic >>> 8), (byte) magic}, 32);
            assertEquals("mach", classify(b, "tool").kind(), Integer.toHexString(magic));
        }
        byte[] fat = padded(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 2}, 32);
        assertEquals("mach", classify(fat, "universal").kind());
        byte[] javaClass = padded(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61}, 32);
        assertTrue(classify(javaClass, "Main.class").isNone(), "a Java class file shares the fat magic, then its version");
        byte[] archive = padded(text("!<arch>\n"), 64);
        assertTrue(classify(archive, "libx.a").isNone(), "archives count only with include-archives");
        assertEquals("archive", BuildScan.classify(archive, archive.length, "libx.a", true).kind());
        assertTrue(classify(padded(new byte[] {0x7f, 'E', 'L', 'F'}, 15), "short").isNone(), "under 16 bytes: none (cargo-deny)");
        assertTrue(classify(text("fn main() { println!(\"hi\"); }\n"), "build.rs").isNone());
    }

    @Test
    void shebangScriptsAndTheirInterpreter() {
        assertEquals("python3", classify(text("#!/usr/bin/env python3\nprint('hello')\n"), "gen").interpreter());
        assertEquals("sh", classify(text("#!/bin/sh\necho hello world\n"), "run").interpreter());
        assertEquals("bash", classify(text("#! /bin/bash -e\r\necho hello world\n"), "run").interpreter());
        assertEquals("perl", classify(text("#!/usr/bin/env -S perl -w\nprint 1;\n"), "x").interpreter());
        assertTrue(classify(text("#![allow(dead_code)]\nfn main() {}\n"), "lib.rs").isNone(), "an inner attribute in a .rs file");
        assertTrue(classify(text("#!/usr/bin/env\n# nothing after env\n"), "x").isNone());
        assertTrue(classify(padded(text("#!/bin/sh"), 300), "x").isNone(), "no newline within 256 bytes");
    }

    @Test
    void checksumsAndGlobs() throws IOException {
        Path f = Files.writeString(dir.resolve("hello.txt"), "hello\n");
        assertEquals("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", BuildScan.sha256(f));
        assertTrue(BuildScan.glob("*.py").matches(Path.of("tools/deep/gen.py")), "* crosses / as in cargo-deny's globset");
        assertTrue(BuildScan.glob("scripts/*.cs").matches(Path.of("scripts/a.cs")));
        assertFalse(BuildScan.glob("scripts/*.cs").matches(Path.of("other/a.cs")));
        assertTrue(BuildScan.glob("tests/**").matches(Path.of("tests/data/x.bin")));
        assertThrows(IllegalArgumentException.class, () -> BuildScan.glob("[unclosed"));
    }

    @Test
    void walkIsSortedSkipsTheRootGitFolderAndFollowsNoLinkOutOfTheCrate() throws IOException {
        Path crate = Files.createDirectories(dir.resolve("crate"));
        Files.createDirectories(crate.resolve("src"));
        Files.createDirectories(crate.resolve(".git/objects"));
        Files.writeString(crate.resolve(".git/objects/x"), "git");
        Files.writeString(crate.resolve("src/lib.rs"), "");
        Files.writeString(crate.resolve("Cargo.toml"), "");
        Path outside = Files.writeString(dir.resolve("secret"), "outside");
        boolean links = true;
        try {
            Files.createSymbolicLink(crate.resolve("link-out"), outside);
            Files.createSymbolicLink(crate.resolve("link-in"), crate.resolve("src/lib.rs"));
        } catch (UnsupportedOperationException | IOException e) {
            links = false;
        }
        BuildScan.Walk w = BuildScan.walk(crate);
        List<String> names = w.files().stream().map(BuildScan.Entry::relative).toList();
        assertFalse(w.truncated());
        if (links) {
            assertEquals(List.of("Cargo.toml", "link-in", "link-out", "src/lib.rs"), names);
            BuildScan.Entry out = w.files().get(2);
            assertTrue(out.error().contains("outside the crate"), out.error());
            assertEquals("", w.files().get(1).error(), "a link to a file inside the crate is read through it");
        } else {
            assertEquals(List.of("Cargo.toml", "src/lib.rs"), names);
        }
    }
}
