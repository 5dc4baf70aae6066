package dev.tollgate.inputs.cargo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code cfg} values of the target triples Tollgate knows: what {@code rustc --target T --print cfg}
 * prints for {@code target_arch}, {@code target_os}, {@code target_family} (with the bare {@code unix} /
 * {@code windows}), {@code target_env}, {@code target_vendor}, {@code target_pointer_width} and
 * {@code target_endian}.
 *
 * <p>Hand-written because no Java library evaluates Cargo target cfgs (the Rust ecosystem has cfg-expr
 * and target-spec, which carry rustc's whole builtin target list; nothing on the JVM does). The values
 * are derived from the triple's parts by the rules rustc's target specs follow, and only for the triples
 * listed in {@link #KNOWN}, the tier-1 targets and the common tier-2 ones: a triple outside the list is
 * refused (a config error), never guessed, because a wrong guess would silently drop or keep
 * dependencies. {@code TargetTriplesTest} checks every derived value against the rustc output written
 * out by hand.
 */
public final class TargetTriples {
    /**
     * One target's cfg values. {@code families} holds the {@code target_family} values (several for
     * emscripten: unix and wasm); {@code os} is {@code "none"} for bare-metal targets, as rustc prints it.
     */
    public record Target(String triple, String arch, String vendor, String os, String env,
                         List<String> families, int pointerWidth, String endian) {
        public Target {
            families = List.copyOf(families);
        }

        /** The value(s) of a {@code key = "value"} cfg for this target; empty for keys a triple does not decide. */
        public Optional<Set<String>> values(String key) {
            return switch (key) {
                case "target_arch" -> Optional.of(Set.of(arch));
                case "target_vendor" -> Optional.of(Set.of(vendor));
                case "target_os" -> Optional.of(Set.of(os));
                case "target_env" -> Optional.of(Set.of(env));
                case "target_family" -> Optional.of(Set.copyOf(families));
                case "target_pointer_width" -> Optional.of(Set.of(Integer.toString(pointerWidth)));
                case "target_endian" -> Optional.of(Set.of(endian));
                default -> Optional.empty();
            };
        }
    }

    /** The triples Tollgate evaluates cfgs for: rustc's tier-1 targets and the common tier-2 ones. */
    static final List<String> KNOWN = List.of(
            // tier 1
            "aarch64-apple-darwin", "aarch64-unknown-linux-gnu", "i686-pc-windows-msvc", "i686-unknown-linux-gnu",
            "x86_64-apple-darwin", "x86_64-pc-windows-gnu", "x86_64-pc-windows-msvc", "x86_64-unknown-linux-gnu",
            // tier 2 (with host tools or commonly cross-compiled to)
            "aarch64-pc-windows-msvc", "aarch64-unknown-linux-musl", "arm-unknown-linux-gnueabi",
            "arm-unknown-linux-gnueabihf", "armv7-unknown-linux-gnueabihf", "armv7-unknown-linux-musleabihf",
            "i686-pc-windows-gnu", "i686-unknown-linux-musl", "powerpc64le-unknown-linux-gnu",
            "powerpc64-unknown-linux-gnu", "riscv64gc-unknown-linux-gnu", "s390x-unknown-linux-gnu",
            "x86_64-unknown-freebsd", "x86_64-unknown-illumos", "x86_64-unknown-linux-musl", "x86_64-unknown-netbsd",
            "loongarch64-unknown-linux-gnu", "aarch64-apple-ios", "x86_64-apple-ios",
            "aarch64-linux-android", "armv7-linux-androideabi", "i686-linux-android", "x86_64-linux-android",
            "wasm32-unknown-unknown", "wasm32-unknown-emscripten", "wasm32-wasip1", "wasm32-wasip2",
            "x86_64-pc-windows-gnullvm", "aarch64-pc-windows-gnullvm", "x86_64-unknown-none", "aarch64-unknown-none",
            "thumbv7em-none-eabihf", "thumbv7em-none-eabi", "thumbv6m-none-eabi", "riscv32imac-unknown-none-elf",
            "x86_64-fortanix-unknown-sgx", "x86_64-unknown-redox", "x86_64-unknown-uefi", "aarch64-unknown-uefi");

    private static final Map<String, Target> TABLE = table();

    private TargetTriples() {
    }

    /** The target of a known triple, or empty. */
    public static Optional<Target> lookup(String triple) {
        return Optional.ofNullable(TABLE.get(triple));
    }

    /** Every known triple, in the order of {@link #KNOWN}. */
    public static List<String> known() {
        return KNOWN;
    }

    private static Map<String, Target> table() {
        Map<String, Target> m = new LinkedHashMap<>();
        for (String t : KNOWN) m.put(t, derive(t));
        return Collections.unmodifiableMap(m);
    }

    /** rustc's cfg values from the parts of a triple ({@code arch-vendor-os[-env]}, or {@code arch-os[-env]}). */
    static Target derive(String triple) {
        String[] p = triple.split("-");
        String archPart = p[0];
        String arch = arch(archPart);
        String vendor;
        String os;
        String rest;
        // arch-os-env (android), arch-os (wasip1), or arch-vendor-os[-env...]
        if (p.length >= 3 && p[1].equals("linux") && p[2].startsWith("android")) {
            vendor = "unknown";
            os = "android";
            rest = "";
        } else if (p.length == 2) {
            vendor = "unknown";
            os = p[1];
            rest = "";
        } else if (p[1].equals("none")) {
            vendor = "unknown";
            os = "none";
            rest = "";
        } else {
            vendor = p[1];
            os = p[2];
            List<String> tail = new ArrayList<>(List.of(p).subList(3, p.length));
            rest = String.join("-", tail);
        }
        String env = "";
        if (os.equals("darwin")) os = "macos";
        if (os.startsWith("wasip")) {
            env = os.substring(4); // wasip1 -> p1, wasip2 -> p2
            os = "wasi";
        }
        if (rest.startsWith("gnu")) env = "gnu";           // gnu, gnueabi, gnueabihf, gnullvm
        else if (rest.startsWith("musl")) env = "musl";    // musl, musleabihf
        else if (rest.equals("msvc")) env = "msvc";
        else if (rest.equals("sgx")) env = "sgx";
        if (os.equals("redox")) env = "relibc";
        List<String> families;
        if (os.equals("windows")) families = List.of("windows");
        else if (os.equals("emscripten")) families = List.of("unix", "wasm");
        else if (arch.startsWith("wasm")) families = List.of("wasm");
        else if (Set.of("linux", "macos", "ios", "android", "freebsd", "netbsd", "openbsd", "illumos", "solaris",
                "dragonfly", "redox", "fuchsia").contains(os)) families = List.of("unix");
        else families = List.of();
        int width = Set.of("x86_64", "aarch64", "riscv64", "powerpc64", "s390x", "loongarch64", "sparc64", "mips64")
                .contains(arch) ? 64 : 32;
        String endian = Set.of("s390x", "powerpc", "sparc64").contains(arch)
                || archPart.equals("powerpc64") || archPart.endsWith("_be") || archPart.startsWith("armeb") ? "big" : "little";
        return new Target(triple, arch, vendor, os, env, families, width, endian);
    }

    private static String arch(String part) {
        if (part.equals("i686") || part.equals("i586") || part.equals("i386")) return "x86";
        if (part.startsWith("armv") || part.startsWith("thumbv") || part.equals("arm") || part.startsWith("armeb")) return "arm";
        if (part.startsWith("riscv64")) return "riscv64";
        if (part.startsWith("riscv32")) return "riscv32";
        if (part.startsWith("powerpc64")) return "powerpc64";
        if (part.startsWith("aarch64")) return "aarch64";
        return part; // x86_64, wasm32, s390x, loongarch64, powerpc
    }
}
