package dev.tollgate.inputs.cargo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The derived cfg values against what {@code rustc --target T --print cfg} prints, written out by hand from
 * rustc's documentation and target specs (target_arch, target_vendor, target_os, target_env,
 * target_family, target_pointer_width, target_endian). An empty env is rustc's {@code target_env=""}.
 */
class TargetTriplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            x86_64-unknown-linux-gnu      | x86_64    | unknown  | linux      | gnu   | unix      | 64 | little
            aarch64-unknown-linux-gnu     | aarch64   | unknown  | linux      | gnu   | unix      | 64 | little
            i686-unknown-linux-gnu        | x86       | unknown  | linux      | gnu   | unix      | 32 | little
            x86_64-unknown-linux-musl     | x86_64    | unknown  | linux      | musl  | unix      | 64 | little
            x86_64-pc-windows-msvc        | x86_64    | pc       | windows    | msvc  | windows   | 64 | little
            i686-pc-windows-msvc          | x86       | pc       | windows    | msvc  | windows   | 32 | little
            x86_64-pc-windows-gnu         | x86_64    | pc       | windows    | gnu   | windows   | 64 | little
            aarch64-pc-windows-msvc       | aarch64   | pc       | windows    | msvc  | windows   | 64 | little
            x86_64-apple-darwin           | x86_64    | apple    | macos      | ''    | unix      | 64 | little
            aarch64-apple-darwin          | aarch64   | apple    | macos      | ''    | unix      | 64 | little
            aarch64-apple-ios             | aarch64   | apple    | ios        | ''    | unix      | 64 | little
            aarch64-linux-android         | aarch64   | unknown  | android    | ''    | unix      | 64 | little
            armv7-linux-androideabi       | arm       | unknown  | android    | ''    | unix      | 32 | little
            armv7-unknown-linux-gnueabihf | arm       | unknown  | linux      | gnu   | unix      | 32 | little
            riscv64gc-unknown-linux-gnu   | riscv64   | unknown  | linux      | gnu   | unix      | 64 | little
            powerpc64le-unknown-linux-gnu | powerpc64 | unknown  | linux      | gnu   | unix      | 64 | little
            powerpc64-unknown-linux-gnu   | powerpc64 | unknown  | linux      | gnu   | unix      | 64 | big
            s390x-unknown-linux-gnu       | s390x     | unknown  | linux      | gnu   | unix      | 64 | big
            x86_64-unknown-freebsd        | x86_64    | unknown  | freebsd    | ''    | unix      | 64 | little
            x86_64-unknown-illumos        | x86_64    | unknown  | illumos    | ''    | unix      | 64 | little
            wasm32-unknown-unknown        | wasm32    | unknown  | unknown    | ''    | wasm      | 32 | little
            wasm32-unknown-emscripten     | wasm32    | unknown  | emscripten | ''    | unix wasm | 32 | little
            wasm32-wasip1                 | wasm32    | unknown  | wasi       | p1    | wasm      | 32 | little
            thumbv7em-none-eabihf         | arm       | unknown  | none       | ''    | ''        | 32 | little
            x86_64-unknown-none           | x86_64    | unknown  | none       | ''    | ''        | 64 | little
            x86_64-fortanix-unknown-sgx   | x86_64    | fortanix | unknown    | sgx   | ''        | 64 | little
            x86_64-unknown-uefi           | x86_64    | unknown  | uefi       | ''    | ''        | 64 | little
            """)
    void derivedValuesAreRustcs(String triple, String arch, String vendor, String os, String env, String families,
                                int width, String endian) {
        TargetTriples.Target t = TargetTriples.lookup(triple).orElseThrow();

        assertEquals(arch, t.arch(), "target_arch");
        assertEquals(vendor, t.vendor(), "target_vendor");
        assertEquals(os, t.os(), "target_os");
        assertEquals(env, t.env(), "target_env");
        assertEquals(families.isEmpty() ? List.of() : Arrays.asList(families.split(" ")), t.families(), "target_family");
        assertEquals(width, t.pointerWidth(), "target_pointer_width");
        assertEquals(endian, t.endian(), "target_endian");
    }

    @Test
    void unixAndWindowsFollowTheFamily() {
        TargetTriples.Target linux = TargetTriples.lookup("x86_64-unknown-linux-gnu").orElseThrow();
        TargetTriples.Target windows = TargetTriples.lookup("x86_64-pc-windows-msvc").orElseThrow();
        TargetTriples.Target wasm = TargetTriples.lookup("wasm32-unknown-unknown").orElseThrow();

        assertEquals(TargetCfg.Truth.TRUE, eval("cfg(unix)", linux));
        assertEquals(TargetCfg.Truth.FALSE, eval("cfg(windows)", linux));
        assertEquals(TargetCfg.Truth.TRUE, eval("cfg(windows)", windows));
        assertEquals(TargetCfg.Truth.FALSE, eval("cfg(any(unix, windows))", wasm));
    }

    @Test
    void anUnknownTripleIsNotGuessed() {
        assertTrue(TargetTriples.lookup("x86_64-unknown-haiku").isEmpty());
        assertTrue(TargetTriples.lookup("x86_64-unknown-linux-gnux32").isEmpty());
        assertTrue(TargetTriples.lookup("cfg(unix)").isEmpty());
        assertFalse(TargetTriples.known().isEmpty());
        for (String t : TargetTriples.known()) assertEquals(t, TargetTriples.lookup(t).orElseThrow().triple());
    }

    private static TargetCfg.Truth eval(String cfg, TargetTriples.Target t) {
        return TargetCfg.eval(TargetCfg.parse(cfg), t, List.of());
    }
}
