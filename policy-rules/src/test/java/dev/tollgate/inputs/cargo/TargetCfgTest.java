package dev.tollgate.inputs.cargo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetCfgTest {
    private static final TargetTriples.Target LINUX = TargetTriples.lookup("x86_64-unknown-linux-gnu").orElseThrow();
    private static final TargetTriples.Target MAC = TargetTriples.lookup("aarch64-apple-darwin").orElseThrow();
    private static final TargetTriples.Target WIN32 = TargetTriples.lookup("i686-pc-windows-msvc").orElseThrow();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cfg(unix)                                                           | TRUE    | TRUE    | FALSE
            cfg(windows)                                                        | FALSE   | FALSE   | TRUE
            cfg(target_os = "linux")                                            | TRUE    | FALSE   | FALSE
            cfg(target_os = "macos")                                            | FALSE   | TRUE    | FALSE
            cfg(all(unix, not(target_os = "macos")))                            | TRUE    | FALSE   | FALSE
            cfg(any(target_os = "macos", target_os = "ios"))                    | FALSE   | TRUE    | FALSE
            cfg(all(target_arch = "x86_64", target_env = "gnu"))                | TRUE    | FALSE   | FALSE
            cfg(target_pointer_width = "32")                                    | FALSE   | FALSE   | TRUE
            cfg(target_endian = "little")                                       | TRUE    | TRUE    | TRUE
            cfg(target_vendor = "apple")                                        | FALSE   | TRUE    | FALSE
            cfg(target_family = "wasm")                                         | FALSE   | FALSE   | FALSE
            cfg(not(any(windows, target_os = "linux")))                         | FALSE   | TRUE    | FALSE
            cfg(any())                                                          | FALSE   | FALSE   | FALSE
            cfg(all())                                                          | TRUE    | TRUE    | TRUE
            cfg(feature = "std")                                                | FALSE   | FALSE   | FALSE
            cfg(tokio_unstable)                                                 | FALSE   | FALSE   | FALSE
            cfg(not(tokio_unstable))                                            | TRUE    | TRUE    | TRUE
            cfg(target_feature = "sse2")                                        | TRUE    | FALSE   | FALSE
            cfg(target_has_atomic = "64")                                       | UNKNOWN | UNKNOWN | UNKNOWN
            cfg(all(windows, target_has_atomic = "64"))                         | FALSE   | FALSE   | UNKNOWN
            cfg(any(unix, panic = "unwind"))                                    | TRUE    | TRUE    | UNKNOWN
            cfg(not(target_abi = "eabihf"))                                     | UNKNOWN | UNKNOWN | UNKNOWN
            cfg( all ( unix , target_os="linux" , ) )                           | TRUE    | FALSE   | FALSE
            """)
    void evaluatesOnEachTriple(String cfg, String linux, String mac, String win32) {
        TargetCfg.Expr e = TargetCfg.parse(cfg);
        List<String> linuxFeatures = List.of("sse2");

        assertEquals(TargetCfg.Truth.valueOf(linux), TargetCfg.eval(e, LINUX, linuxFeatures), "x86_64-unknown-linux-gnu");
        assertEquals(TargetCfg.Truth.valueOf(mac), TargetCfg.eval(e, MAC, List.of()), "aarch64-apple-darwin");
        assertEquals(TargetCfg.Truth.valueOf(win32), TargetCfg.eval(e, WIN32, List.of()), "i686-pc-windows-msvc");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cfg(unix                         | `cfg(unix` is not a cfg(...) expression
            cfg(all(unix windows))           | malformed cfg `cfg(all(unix windows))`: expected `,` or `)` but found `w`
            cfg(not(unix, windows))          | malformed cfg `cfg(not(unix, windows))`: not() takes exactly one predicate, found 2
            cfg(target_os = linux)           | malformed cfg `cfg(target_os = linux)`: expected a "quoted" value after `=`
            cfg(target_os = "linux)          | malformed cfg `cfg(target_os = "linux)`: unterminated string
            cfg(some(unix))                  | malformed cfg `cfg(some(unix))`: `some(...)` is not all(), any() or not()
            cfg()                            | malformed cfg `cfg()`: a predicate is missing
            cfg(unix) extra                  | `cfg(unix) extra` is not a cfg(...) expression
            """)
    void malformedExpressionsAreRefused(String cfg, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetCfg.parse(cfg));

        if (message.endsWith("...")) assertTrue(e.getMessage().startsWith(message.substring(0, message.length() - 3)), e.getMessage());
        else assertEquals(message, e.getMessage());
    }

    @Test
    void constantsAreExpressionsWithoutPredicates() {
        assertEquals(Optional.of(false), TargetCfg.constant(TargetCfg.parse("cfg(any())")));
        assertEquals(Optional.of(true), TargetCfg.constant(TargetCfg.parse("cfg(not(any()))")));
        assertEquals(Optional.empty(), TargetCfg.constant(TargetCfg.parse("cfg(any(unix))")));
    }

    @Test
    void graphOptionsKeepATripleOrACfgThatSomeTargetMatches() {
        GraphOptions linuxOnly = new GraphOptions(false, false, List.of(), List.of(LINUX), java.util.Map.of());

        assertTrue(linuxOnly.keeps(""));
        assertTrue(linuxOnly.keeps("cfg(unix)"));
        assertFalse(linuxOnly.keeps("cfg(windows)"));
        assertTrue(linuxOnly.keeps("x86_64-unknown-linux-gnu"));
        assertFalse(linuxOnly.keeps("x86_64-pc-windows-msvc"));
        assertFalse(linuxOnly.keeps("cfg(target_feature = \"sse2\")"));
        assertTrue(linuxOnly.keeps("cfg(target_has_atomic = \"64\")"));
        assertThrows(IllegalArgumentException.class, () -> linuxOnly.keeps("cfg(all(unix"));

        // without targets every dependency counts, except a cfg false without predicates (serde's cfg(any()))
        assertTrue(GraphOptions.DEFAULT.keeps("cfg(windows)"));
        assertTrue(GraphOptions.DEFAULT.keeps("x86_64-pc-windows-msvc"));
        assertTrue(GraphOptions.DEFAULT.keeps("cfg(all(unix"));
        assertFalse(GraphOptions.DEFAULT.keeps("cfg(any())"));
    }
}
