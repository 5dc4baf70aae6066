package dev.tollgate.inputs.cargo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class KeyLinesTest {
    private static final String TEXT = """
            # comment [not.a.header]
            [package]
            name = "x" # trailing [comment]
            version.workspace = true

            [dependencies]
            a = { version = "1", features = ["x]y", 'z[w'] }
            b = [
              "c = 1",
              ["not.a.header"],
              { d = 2 },
            ]
            "odd.name" = "1"
              'lit.key' . sub = true
            e.workspace = true

            [dependencies.f]
            version = "2"

            [target.'cfg(all(unix, target_arch = "x86_64"))'.dev-dependencies]
            g = "3"

            [[bin]]
            name = "tool"
            """;

    @Test
    void findsHeadersAndKeysWherePathsBegin() {
        KeyLines lines = KeyLines.scan(TEXT);
        assertNotNull(lines);
        assertArrayEquals(new int[] {2, 1}, lines.first(List.of("package")));
        assertArrayEquals(new int[] {4, 1}, lines.first(List.of("package", "version")));
        assertArrayEquals(new int[] {7, 1}, lines.first(List.of("dependencies", "a")));
        assertArrayEquals(new int[] {8, 1}, lines.first(List.of("dependencies", "b")));
        assertArrayEquals(new int[] {13, 1}, lines.first(List.of("dependencies", "odd.name")));
        assertArrayEquals(new int[] {14, 3}, lines.first(List.of("dependencies", "lit.key", "sub")));
        assertArrayEquals(new int[] {17, 1}, lines.first(List.of("dependencies", "f")));
        assertArrayEquals(new int[] {18, 1}, lines.first(List.of("dependencies", "f", "version")));
        String cfg = "cfg(all(unix, target_arch = \"x86_64\"))";
        assertArrayEquals(new int[] {20, 1}, lines.first(List.of("target", cfg)));
        assertArrayEquals(new int[] {21, 1}, lines.first(List.of("target", cfg, "dev-dependencies", "g")));
        assertEquals(Set.of("a", "b", "odd.name", "lit.key", "e", "f"), lines.keys(List.of("dependencies")));
        assertNull(lines.first(List.of("dependencies", "c")), "inside a multi-line array");
        assertNull(lines.first(List.of("not", "a", "header")));
        assertNull(lines.first(List.of("dependencies", "d")));
    }

    @Test
    void escapedQuotedKeys() {
        KeyLines lines = KeyLines.scan("[a]\n\"q\\\"uote\\u0041\" = 1\n");
        assertNotNull(lines);
        assertArrayEquals(new int[] {2, 1}, lines.first(List.of("a", "q\"uoteA")));
    }

    @Test
    void givesUpOnWhatItDoesNotFollow() {
        assertNull(KeyLines.scan("a = \"\"\"\nb = 1\n\"\"\"\n"), "multi-line basic string");
        assertNull(KeyLines.scan("a = '''\nx'''\n"), "multi-line literal string");
        assertNull(KeyLines.scan("a = [\n1,\n"), "unterminated array");
        assertNull(KeyLines.scan("a = \"open\n"), "unterminated string");
        assertNull(KeyLines.scan("just words\n"));
        assertNull(KeyLines.scan("[a] trailing\n"));
        assertNull(KeyLines.scan("a = ]\n"));
    }

    @Test
    void crlf() {
        KeyLines lines = KeyLines.scan("[a]\r\nb = [\r\n  1,\r\n]\r\nc = 2\r\n");
        assertNotNull(lines);
        assertArrayEquals(new int[] {5, 1}, lines.first(List.of("a", "c")));
    }
}
