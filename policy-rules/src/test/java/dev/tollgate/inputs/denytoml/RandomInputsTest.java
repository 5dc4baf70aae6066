package dev.tollgate.inputs.denytoml;

import dev.tollgate.fixtures.Corpus;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static dev.tollgate.inputs.denytoml.Fixtures.NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded, repeatable random inputs: whatever the text, {@link DenyTomlReader#parse} must give exactly
 * what tomlj alone gives, the same DenyConfig with every position or the same error at the same place.
 * Each test also requires that a good share of its inputs took the fast reading, so that it checks
 * the scan's positions and not only the hand-over to tomlj. (These found the tomlj quirk with a date
 * closed by {@code ]}, see {@link PositionScan}.) Raise {@code -Ddenytoml.random=N} to run N inputs
 * per test instead of the default.
 */
class RandomInputsTest {
    private static final int RUNS = Integer.getInteger("denytoml.random", 600);

    private static final String[] INSERTS = {
        " ", "\t", "\n", "\r\n", "# c\n", ",", "[", "]", "{", "}", "\"", "'", "=", ".", "x", "1", " # note",
        "\n\n", "[[bans.skip]]\n", "[x]\n", "a.b = 1\n", "\"\\u00e9\"", "\uD83D\uDE00", "\"\"\"",
        "\\", "\\u", "0x", "inf", "1979-05-27", " 07:32:00", "[[", "]]", "\r", "\u0001", "\uFEFF", "'''",
        "= [\n", "{ k = 1 }", "_", "+", "-", "e", "\"a.b\"", "x.y = [1, { z = 2 }]\n", "[bans.build]\n",
    };

    /** Small edits of real and hand-written files: most break the TOML, the rest move things around. */
    @Test
    void everyEditOfAFileReadsAsTomljReadsIt() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String f : List.of("every-key.toml", "unknown-keys.toml", "sources-full.toml", "graph.toml",
                "deprecated-keys.toml")) {
            texts.add(Files.readString(Fixtures.path(f)));
        }
        texts.add(Files.readString(Corpus.file("zeroclaw/pre-rationalise/deny.toml")));
        Random random = new Random(20261127);
        int fast = 0;
        for (int n = 0; n < RUNS; n++) {
            String text = edit(texts.get(random.nextInt(texts.size())), random);
            if (FastReading.read(text, NAME) != null) fast++;
            assertSameOutcome(text);
        }
        assertTrue(fast > RUNS / 10, "only " + fast + " of " + RUNS + " edited files read fast");
    }

    /** Generated documents: headers, dotted and quoted keys, every kind of value, spread over lines. */
    @Test
    void everyGeneratedFileReadsAsTomljReadsIt() {
        Random random = new Random(1979_05_27);
        int fast = 0;
        for (int n = 0; n < RUNS; n++) {
            String text = new Generator(random).document();
            if (FastReading.read(text, NAME) != null) fast++;
            assertSameOutcome(text);
        }
        assertTrue(fast > RUNS / 4, "only " + fast + " of " + RUNS + " generated files read fast");
    }

    private static void assertSameOutcome(String text) {
        assertEquals(outcome(() -> DenyTomlReader.parseExact(text, NAME)),
                outcome(() -> DenyTomlReader.parse(text, NAME)), text);
    }

    /** One to three edits: insert a token, delete a character or duplicate a line. */
    private static String edit(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(s.length() + 1);
            switch (random.nextInt(4)) {
                case 0, 1 -> s.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                case 2 -> {
                    if (at < s.length()) s.deleteCharAt(at);
                }
                default -> {
                    int start = s.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
                    int end = s.indexOf("\n", at);
                    if (end >= 0) s.insert(end + 1, s.substring(start, end + 1));
                }
            }
        }
        return s.toString();
    }

    /**
     * What a user would see: the config or the error message. tomlj itself sometimes fails an internal
     * assertion on broken escapes (tests run with -ea); both readings must then fail alike too.
     */
    private static Object outcome(Supplier<DenyConfig> read) {
        try {
            return read.get();
        } catch (InputException e) {
            return e.getMessage();
        } catch (RuntimeException | AssertionError e) {
            return e.toString();
        }
    }

    /** Random TOML, mostly valid; a few names are reused so that tables meet, nest and now and then collide. */
    private static final class Generator {
        private static final String[] KEYS = {
            "a", "b", "sources", "bans", "skip", "x-y", "\"q.k\"", "'lit'", "\"\"", "k_1",
        };
        private final Random r;
        private final String nl;
        private final StringBuilder out = new StringBuilder();

        Generator(Random r) {
            this.r = r;
            this.nl = r.nextInt(4) == 0 ? "\r\n" : "\n";
        }

        String document() {
            keyValues(r.nextInt(3));
            for (int sections = r.nextInt(5); sections > 0; sections--) {
                blankOrComment();
                boolean array = r.nextInt(3) == 0;
                out.append(ws()).append(array ? "[[" : "[").append(keyPath(3)).append(array ? "]]" : "]");
                if (r.nextBoolean()) out.append(ws()).append("# h");
                out.append(nl);
                keyValues(r.nextInt(4));
            }
            if (r.nextInt(5) == 0 && out.length() > 0) out.setLength(out.length() - nl.length());
            return out.toString();
        }

        private void keyValues(int n) {
            for (int i = 0; i < n; i++) {
                if (r.nextInt(4) == 0) blankOrComment();
                out.append(ws()).append(keyPath(2)).append(ws()).append('=').append(ws()).append(value(0));
                if (r.nextInt(3) == 0) out.append(ws()).append("# v");
                out.append(nl);
            }
        }

        private void blankOrComment() {
            out.append(r.nextBoolean() ? "" : ws() + "# comment \uD83D\uDE00").append(nl);
        }

        private String keyPath(int max) {
            StringBuilder k = new StringBuilder(KEYS[r.nextInt(KEYS.length)]);
            for (int n = r.nextInt(max); n > 0; n--) {
                k.append(r.nextInt(4) == 0 ? " . " : ".").append(KEYS[r.nextInt(KEYS.length)]);
            }
            return k.toString();
        }

        private String value(int depth) {
            int kind = r.nextInt(depth < 2 ? 10 : 8);
            return switch (kind) {
                case 0 -> "\"s\\t\\\"\\u00e9\uD83D\uDE00 " + r.nextInt(9) + "\"";
                case 1 -> "'lit\\" + r.nextInt(9) + "'";
                case 2 -> new String[] {"0", "-17", "+1_000", "0xbd0e_ed23", "0o17", "0b101"}[r.nextInt(6)];
                case 3 -> new String[] {"1.5", "-0.0", "1e5", "6.02E+23", "inf", "-nan"}[r.nextInt(6)];
                case 4 -> r.nextBoolean() ? "true" : "false";
                case 5 -> new String[] {"1979-05-27", "07:32:00.25", "1979-05-27T07:32:00Z",
                    "1979-05-27 07:32:00-07:00", "1979-05-27T00:32:00.999"}[r.nextInt(5)];
                case 6, 7 -> "\"https://github.com/o/r" + r.nextInt(9) + "\"";
                case 8 -> array(depth);
                default -> inlineTable(depth);
            };
        }

        private String array(int depth) {
            StringBuilder a = new StringBuilder("[");
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                a.append(gap()).append(value(depth + 1)).append(gap());
                if (i < n - 1 || r.nextBoolean()) a.append(',');
            }
            return a.append(gap()).append(']').toString();
        }

        private String inlineTable(int depth) {
            StringBuilder t = new StringBuilder("{").append(ws());
            for (int n = r.nextInt(3), i = 0; i < n; i++) {
                if (i > 0) t.append(',').append(ws());
                t.append(keyPath(1)).append(ws()).append('=').append(ws()).append(value(depth + 1)).append(ws());
            }
            return t.append('}').toString();
        }

        /** Between array elements: nothing, blanks, a comment, line breaks. */
        private String gap() {
            return switch (r.nextInt(6)) {
                case 0 -> nl + "    ";
                case 1 -> " # gap" + nl + "  ";
                case 2 -> nl + "  # own line" + nl + "\t";
                default -> ws();
            };
        }

        private String ws() {
            return new String[] {"", " ", " ", "  ", "\t"}[r.nextInt(5)];
        }
    }
}
