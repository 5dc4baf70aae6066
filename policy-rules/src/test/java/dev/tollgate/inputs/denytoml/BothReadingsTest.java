package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.facts.Location;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.tollgate.inputs.denytoml.Fixtures.NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The fast reading (jackson + position scan) and the exact one (tomlj) give the same DenyConfig, every
 * value and every position of the tree included, and the fast one is taken wherever it can vouch for
 * the file; where it cannot, the exact one decides, so a file tomlj rejects stays an error.
 */
class BothReadingsTest {

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.path("."))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml")).sorted().toList()
                    .stream();
        }
    }

    static Stream<String> corpus() {
        return Stream.of("zeroclaw/head/deny.toml", "zeroclaw/pre-rationalise/deny.toml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixturesReadTheSameBothWays(String fixture) {
        assertSameBothWays(read(Fixtures.path(fixture)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void realFilesReadTheSameBothWays(String relative) {
        assertSameBothWays(read(Corpus.file(relative)));
    }

    /** Values Tollgate cannot honour fail alike: their positions come from the tree, whichever reading built it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"allow-git-element.toml", "allow-git-not-list.toml", "allow-org-entry.toml",
            "allow-org-not-table.toml", "git-spec.toml", "graph-bool.toml", "graph-target.toml", "level-type.toml",
            "level-word.toml", "registry-not-url.toml", "sources-not-table.toml", "unused-level.toml"})
    void badValuesFailTheSameBothWays(String fixture) {
        String text = read(Fixtures.path("bad/" + fixture));
        InputException fast = assertThrows(InputException.class, () -> DenyTomlReader.parseFast(text, NAME));
        InputException exact = assertThrows(InputException.class, () -> DenyTomlReader.parseExact(text, NAME));

        assertEquals(exact.getMessage(), fast.getMessage());
    }

    @Test
    void aSyntaxErrorIsLeftToTomlj() {
        assertNull(DenyTomlReader.parseFast(read(Fixtures.path("bad/syntax.toml")), NAME));
    }

    /** Layouts deny.toml files use, and the corners of TOML the scan must place exactly as tomlj does. */
    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\n\n# only comments\n   # indented\n",
        "[sources]\r\nallow-git = [\r\n  \"https://a.example/b\", # c\r\n  \"https://c.example/d\",\r\n]\r\n",
        "  [ sources ]  # indented, spaced header\n\tunknown-git = \"deny\"\n",
        "[licenses.private]\nignore = true\n[licenses]\nallow = [\"MIT\"]\n",
        "[[bans.skip]]\nname = \"a\"\n[bans.skip.extra]\nx = 1\n[[bans.skip]]\nname = \"b\"\n"
                + "[bans]\nwildcards = \"deny\"\n",
        "[a.b.c]\nx = 1\n[a]\ny = 2\n  [ a . b ]\nz = 3\n",
        "[x.y]\nq = 1\n[x.z]\n[[m.n]]\n[[m.n]]\nr = 2\n",
        "bans.build.executables = \"deny\"\nbans.build.interpreted = \"warn\"\ngraph . targets = []\n",
        "k = [ 1 , 2,\n  # c\n  3 ]\nd.e . f = { g = 1, h.i = [ {j=1}, 2 ] }\n",
        "a = [ # c\n  \"x\" # d\n  , \"y\",\n]\nb = [\n  [\n    1\n  ]\n]\nc = [[1, 2], [ 3 ], []] # x\n",
        "a = { s = \"\uD83D\uDE00\", t = 1 }\nb = [\t\"x\",\t\"y\" ]\n",
        "\"quoted.key\" = 1\n'literal' = { \"\" = 2, \"\\u00e9\\t\" = 3 }\n[\"head er\".'x.y']\nz = \"\\\"esc\\\\\"\n",
        "a = 0xbd0eed23\nb = 0o17\nc = 0b101\nd = -17\ne = +1_000\nf = 1e5\ng = -0.5\nh = inf\ni = -nan\n",
        "a = 1979-05-27T07:32:00Z\nb = 1979-05-27\nc = 07:32:00.5\nd = 1979-05-27T07:32:00\n"
                + "e = 1979-05-27 07:32:00+01:30\nf = [1979-05-27, true, false]\n",
        "a = {}\nb = []\nc = { d = [\n  1,\n  2,\n], e = {} }\n",
        "a = [{ crate = \"x\", reason = \"y\" },\n     { crate = \"z\" }]\n[b]\n",
        "[graph]\ntargets = [\n    \"x86_64-unknown-linux-gnu\",\n"
                + "    { triple = \"aarch64-apple-darwin\", features = [\"neon\"] },\n]\n",
        "x = 1 # no final newline",
        "[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true\n",
        "a = [\"\uD83D\uDE00\", \"x\"]\n",
        "a = \"\\U0001F600\\u00E9\" # escaped astral and BMP characters\n",
    })
    void layoutsTheScanFollowsReadTheSameBothWays(String text) {
        assertSameBothWays(text);
    }

    /** Valid TOML the scan does not follow: tomlj reads it, with the same result as ever. */
    @ParameterizedTest
    @ValueSource(strings = {
        "[advisories]\nignore = [{ id = \"RUSTSEC-0000-0000\", reason = \"\"\"multi\nline\"\"\" }]\n",
        "a = '''\nraw\n'''\n",
    })
    void layoutsTheScanDoesNotFollowAreReadByTomlj(String text) {
        assertNull(DenyTomlReader.parseFast(text, NAME));
        assertEquals(DenyTomlReader.parseExact(text, NAME), DenyTomlReader.parse(text, NAME));
    }

    /**
     * TOML jackson accepts but tomlj (and the specification) rejects: the scan or the value check hands
     * them to tomlj, so they fail as they always did.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "a = 99999999999999999999\n",
        "a = \"\\uD800\"\n",
        "[a.b]\nx = 1\n[a]\nb.y = 2\n",
    })
    void invalidTomlJacksonWouldAcceptStillFails(String text) {
        InputException e = assertThrows(InputException.class, () -> DenyTomlReader.parse(text, NAME));
        InputException exact = assertThrows(InputException.class, () -> DenyTomlReader.parseExact(text, NAME));

        assertEquals(exact.getMessage(), e.getMessage());
    }

    /** Escapes beyond Unicode (and beyond an int) fail with tomlj's error, whatever the scan makes of them. */
    @ParameterizedTest
    @ValueSource(strings = {"a = \"\\UFFFFFFFF\"\n", "\"\\U00110000\" = 1\n"})
    void brokenEscapesFailWithTomljsError(String text) {
        assertNull(FastReading.read(text, NAME));
        InputException e = assertThrows(InputException.class, () -> DenyTomlReader.parse(text, NAME));
        InputException exact = assertThrows(InputException.class, () -> DenyTomlReader.parseExact(text, NAME));

        assertEquals(exact.getMessage(), e.getMessage());
    }

    @Test
    void dottedKeysAreReadAsTomlWritesThem() {
        DenyConfig c = DenyTomlReader.parse("[\"a.b\"]\nc = 1\n[a]\nb = { c = 2 }\n", NAME);

        assertEquals(1L, c.toml().getLong("\"a.b\".c"));
        assertEquals(2L, c.toml().getLong("a.b.c"));
        assertEquals(List.of("a.b", "c"), PositionScan.dottedKey(" \"a.b\" . c "));
        assertEquals(Location.of(NAME, 4, 7), c.locationOf("a.b.c"));
        assertThrows(IllegalArgumentException.class, () -> c.locationOf("a..b"));
    }

    private static void assertSameBothWays(String text) {
        DenyConfig fast = DenyTomlReader.parseFast(text, NAME);
        assertNotNull(fast, "the fast reading gave up");
        assertEquals(DenyTomlReader.parseExact(text, NAME), fast);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
