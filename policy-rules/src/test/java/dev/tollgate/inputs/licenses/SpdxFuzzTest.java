package dev.tollgate.inputs.licenses;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random and mutated expressions: the parser either returns an expression or throws a
 * {@link SpdxSyntaxException} whose offset lies inside the text (or at its end). Nothing else escapes.
 * The seed is printed in a failure, and fixed so a failure repeats.
 */
class SpdxFuzzTest {
    private static final List<String> SEEDS = List.of(
            "MIT/Apache-2.0", "MIT OR Apache-2.0", "(MIT OR Apache-2.0) AND Unicode-DFS-2016",
            "Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT", "MPL-2.0+", "GPL-2.0-or-later WITH Classpath-exception-2.0",
            "LicenseRef-ring AND ISC", "DocumentRef-a:LicenseRef-b", "Unlicense/MIT", "0BSD OR MIT OR Apache-2.0");
    private static final String[] PIECES = {"MIT", "Apache-2.0", "GPL-2.0", "+", "(", ")", " ", "/", "AND", "OR", "WITH", "and",
        "LLVM-exception", "LicenseRef-", "DocumentRef-", ":", "-", ".", "\t", "\u00a0", "é", "\u0000", "\uD800", "or", "with"};

    private static void check(String in, long seed) {
        try {
            SpdxParser.parse(in);
        } catch (SpdxSyntaxException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= in.length(),
                    "offset " + e.offset() + " outside `" + in + "` (seed " + seed + ")");
        } catch (RuntimeException | StackOverflowError e) {
            fail("`" + in + "` (seed " + seed + ") threw " + e, e);
        }
        try {
            SpdxParser.parseAllowed(in);
        } catch (SpdxSyntaxException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= in.length());
        } catch (RuntimeException | StackOverflowError e) {
            fail("parseAllowed `" + in + "` (seed " + seed + ") threw " + e, e);
        }
    }

    @Test
    void randomPieces() {
        Random r = new Random(20261127L);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(12);
            for (int k = 0; k < n; k++) s.append(PIECES[r.nextInt(PIECES.length)]);
            check(s.toString(), i);
        }
    }

    @Test
    void randomCharacters() {
        Random r = new Random(7L);
        for (int i = 0; i < 30_000; i++) {
            char[] c = new char[r.nextInt(20)];
            for (int k = 0; k < c.length; k++) c[k] = r.nextBoolean() ? (char) (32 + r.nextInt(95)) : (char) r.nextInt(0x3000);
            check(new String(c), i);
        }
    }

    @Test
    void mutatedRealExpressions() {
        Random r = new Random(42L);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder s = new StringBuilder(SEEDS.get(r.nextInt(SEEDS.size())));
            int edits = 1 + r.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = s.length() == 0 ? 0 : r.nextInt(s.length());
                switch (r.nextInt(4)) {
                    case 0 -> { if (s.length() > 0) s.deleteCharAt(at); }
                    case 1 -> s.insert(at, PIECES[r.nextInt(PIECES.length)]);
                    case 2 -> { if (s.length() > 0) s.setCharAt(at, (char) (32 + r.nextInt(95))); }
                    default -> s.insert(at, s.substring(at, Math.min(s.length(), at + r.nextInt(8))));
                }
            }
            check(s.toString(), i);
        }
    }

    @Test
    void extremes() {
        check("(".repeat(100_000), -1);
        check(")".repeat(100_000), -2);
        check("MIT OR ".repeat(5_000) + "MIT", -3);
        check("MIT".repeat(5_000), -4);
        check("+".repeat(1000), -5);
    }
}
