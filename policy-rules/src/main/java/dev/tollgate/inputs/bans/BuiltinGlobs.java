package dev.tollgate.inputs.bans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The file extensions {@code enable-builtin-globs = true} denies: the same set cargo-deny ships (its
 * builtin glob list, one {@code *.EXT} glob per extension), by the language a developer machine would run
 * them with. Like cargo-deny's, the list is a heuristic: a build script can run a file whatever its name.
 */
final class BuiltinGlobs {
    /** Language, then its extensions (without the dot). */
    private static final List<Map.Entry<String, List<String>>> BY_LANGUAGE = List.of(
            Map.entry("Windows batch files", List.of("bat", "cmd")),
            Map.entry("Go (go run)", List.of("go")),
            Map.entry("Java single-file programs (java File.java)", List.of("java")),
            Map.entry("JavaScript", List.of("js", "_js", "es", "es6")),
            Map.entry("Perl 5", List.of("pl", "perl", "pm")),
            Map.entry("Raku (Perl 6)", List.of("6pl", "6pm", "p6", "p6l", "p6m", "pl6", "pm6", "t")),
            Map.entry("PowerShell", List.of("ps1", "psd1", "psm1")),
            Map.entry("Python", List.of("py")),
            Map.entry("Ruby", List.of("rb")),
            Map.entry("Unix shells", List.of("sh", "bash", "zsh")));

    private BuiltinGlobs() {
    }

    /** Every builtin extension, in table order. */
    static List<String> extensions() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : BY_LANGUAGE) out.addAll(e.getValue());
        return out;
    }
}
