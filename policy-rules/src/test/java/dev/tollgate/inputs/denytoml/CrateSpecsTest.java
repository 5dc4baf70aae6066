package dev.tollgate.inputs.denytoml;

import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.bans.BansReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

class CrateSpecsTest {
    @ParameterizedTest(name = "{0} ~ {1}@{2} = {3}")
    @CsvSource(delimiter = '|', value = {
        "serde            | serde | 1.0.0       | true",
        "serde            | serdx | 1.0.0       | false",
        "serde@1.0.0      | serde | 1.0.0       | true",
        "serde@1.0.0      | serde | 1.0.1       | false",
        "serde@1.0        | serde | 1.0.9       | true",
        "serde@1.0        | serde | 1.1.0       | false",
        "serde@^1.0       | serde | 1.9.0       | false",
        "serde@1, <1.5    | serde | 1.7.0       | false",
        "serde:1.0        | serde | 1.9.0       | true",
        "serde:^1.0       | serde | 2.0.0       | false",
        "lru:<0.18.2      | lru   | 0.16.4      | true",
        "lru:<0.18.2      | lru   | 0.18.2      | false",
        "lru:<0.18.2      | lru   | 0.18.2-rc.1 | false",
        "x:>=1.0.0-rc.1   | x     | 1.0.0-rc.2  | true",
        "x:>=1.0.0-rc.1   | x     | 1.1.0-rc.1  | false",
        "x:*              | x     | 0.0.1       | true",
        "x@*              | x     | 7.0.0       | true",
        "toml:=0.9.12     | toml  | 0.9.12+spec-1.1.0 | true",
    })
    void matches(String spec, String name, String version, boolean expected) {
        assertEquals(expected, CrateSpecs.parse(spec).matches(name, version));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "' '", "serde 1.0", "@1", "a@", "a:", "a@1.2.3.4", "a@01", "a:>>1",
        "a@1.0.0-", "a@1.0-beta", "a:1,,2", "a/b", "a@1.*.1", "a:~", "a:>=*"})
    void refuses(String spec) {
        assertThrows(IllegalArgumentException.class, () -> CrateSpecs.parse(spec));
    }

    /**
     * Fuzz: random strings over the spec alphabet, and mutations of valid specs (a character inserted,
     * dropped or replaced; halves swapped). Every input either parses or is refused with an
     * IllegalArgumentException; and through deny.toml, either reads or fails as an InputException. No other
     * exception escapes.
     */
    @Test
    void noExceptionEscapesOnRandomAndMutatedSpecs() {
        Random random = new Random(20261127L);
        String alphabet = "abcz-_09.@:*^~=<>, +xX-rcbeta\u00e9\"\\\t";
        List<String> seeds = List.of("serde", "serde@1.0.0", "lru:<0.18.2", "x:>=1.0.0-rc.1, <2", "windows-sys@0.48",
                "a:~1.2", "b:1.*", "c@=0.1.0+build.5", "rand:^0.8");
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String s;
            if (i % 2 == 0) {
                StringBuilder b = new StringBuilder();
                int n = random.nextInt(16);
                for (int k = 0; k < n; k++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                s = b.toString();
            } else {
                StringBuilder b = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
                int edits = 1 + random.nextInt(3);
                for (int k = 0; k < edits; k++) {
                    int at = b.length() == 0 ? 0 : random.nextInt(b.length());
                    switch (random.nextInt(4)) {
                        case 0 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        case 1 -> { if (b.length() > 0) b.deleteCharAt(at); }
                        case 2 -> { if (b.length() > 0) b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); }
                        default -> b.replace(0, b.length(), b.substring(at) + b.substring(0, at));
                    }
                }
                s = b.toString();
            }
            try {
                CrateSpecs.Spec spec = CrateSpecs.parse(s);
                spec.matches(spec.name(), "1.2.3");
                spec.matches(spec.name(), "0.0.0-rc.1+b");
                parsed++;
            } catch (IllegalArgumentException expected) {
                refused++;
            } catch (RuntimeException e) {
                fail("`" + s + "` threw " + e, e);
            }
            if (i % 10 == 0) {
                String toml = "[bans]\nskip = [\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]\n";
                try {
                    BansReader.read(DenyTomlReader.parse(toml, "deny.toml"));
                } catch (InputException expected) {
                    // a one-line error with a position: what the runner prints with exit 2
                } catch (RuntimeException e) {
                    fail("deny.toml with `" + s + "` threw " + e, e);
                }
            }
        }
        // The generator reaches both outcomes in quantity, so the test exercises both paths.
        if (parsed < 1000 || refused < 1000) fail("parsed " + parsed + ", refused " + refused);
    }

    @Test
    void inputExceptionPositionForTheCrateKey() {
        InputException e = assertThrows(InputException.class,
                () -> BansReader.read(DenyTomlReader.parse("[bans]\ndeny = [\n  { crate = \"a b\" },\n]\n", "deny.toml")));
        assertEquals(3, e.line());
        assertEquals(5, e.column());
        assertEquals("deny.toml", DenyTomlReader.parse("", "deny.toml").displayPath());
    }
}
