package dev.tollgate.inputs.denytoml;

import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Inputs Tollgate cannot honour: each fails with FILE:LINE:COLUMN and what was expected. */
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            level-type.toml          | deny.toml:3:1: [sources] unknown-git: expected one of "deny", "warn", "allow", found 5
            level-word.toml          | deny.toml:3:3: [sources] unknown-registry: expected one of "deny", "warn", "allow", found "forbid"
            unused-level.toml        | deny.toml:2:1: [sources] unused-allowed-source: expected one of "deny", "warn", "allow", found true
            git-spec.toml            | deny.toml:2:1: [sources] required-git-spec: expected one of "any", "branch", "tag", "rev", found "commit"
            allow-git-not-list.toml  | deny.toml:2:1: [sources] allow-git: expected a list of URL strings, found "https://github.com/a/b"
            allow-git-element.toml   | deny.toml:4:5: [sources] allow-git[1]: expected a URL string, found 5
            registry-not-url.toml    | deny.toml:2:47: [sources] allow-registry[1]: expected a URL such as "https://host/path", found "not a url"
            allow-org-entry.toml     | deny.toml:2:17: [sources.allow-org] github[1]: expected an organization name, found 7
            allow-org-not-table.toml | deny.toml:2:1: [sources.allow-org]: expected a table, found an array
            sources-not-table.toml   | deny.toml:2:1: [sources]: expected a table, found 5
            graph-bool.toml          | deny.toml:2:1: [graph] all-features: expected true or false, found "yes"
            graph-target.toml        | deny.toml:4:5: [graph] targets[1]: expected a target triple or a { triple = "..." } table, found a table
            graph-target-features.toml | deny.toml:2:51: [graph] targets[0].features: expected a list of target feature names, found "sse2"
            graph-target-feature.toml  | deny.toml:2:71: [graph] targets[0].features[1]: expected a target feature name, found 3
            """)
    void aWrongValueFailsAtItsPosition(String fixture, String message) {
        InputException e = assertThrows(InputException.class, () -> Fixtures.read("bad/" + fixture));

        assertEquals(message, e.getMessage());
        assertEquals("deny.toml", e.file());
    }

    @Test
    void anUnknownTargetTripleIsRefusedAtItsPosition() {
        InputException e = assertThrows(InputException.class, () -> Fixtures.read("bad/graph-unknown-triple.toml"));

        assertEquals(4, e.line());
        assertEquals(5, e.column());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(
                "deny.toml:4:5: [graph] targets[1]: unknown target \"x86_64-unknown-haiku-gnu\": Tollgate evaluates cfg() only for"
                        + " the triples it knows (aarch64-apple-darwin, "), e.getMessage());
    }

    @Test
    void malformedTomlFailsAtTheFirstSyntaxError() {
        InputException e = assertThrows(InputException.class, () -> Fixtures.read("bad/syntax.toml"));

        // a missing comma between two entries; tomlj's later errors follow from the first and are not reported
        assertEquals("deny.toml:5:5: invalid TOML: Unexpected \", expected ], a comma, or a newline", e.getMessage());
        assertEquals(5, e.line());
        assertEquals(5, e.column());
    }

    @Test
    void aMissingFileFailsWithoutAPosition() {
        InputException e = assertThrows(InputException.class,
                () -> DenyTomlReader.read(Path.of("does/not/exist/deny.toml"), "deny.toml"));

        assertEquals("deny.toml: file not found", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void aDirectoryIsNotADenyToml() {
        InputException e = assertThrows(InputException.class,
                () -> DenyTomlReader.read(Fixtures.path("bad"), "deny.toml"));

        assertEquals("deny.toml: is a directory, not a file", e.getMessage());
    }
}
