package dev.tollgate.inputs.bans;

import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.inputs.RepositoryFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * [bans.build] end to end: a workspace member {@code app} and crates whose sources the test writes, described by a
 * {@code cargo metadata} dump the test writes.
 * <pre>
 *   app 0.1.0 (member) -> tool 1.0.0 (build script), mac 1.0.0 (proc-macro), gone 1.0.0 (build script, no sources)
 *   tool 1.0.0 -> dep 1.0.0
 * </pre>
 * tool holds an ELF file {@code bin/x86_64-linux}, a python script {@code scripts/gen} without extension,
 * {@code tools/helper.py} and {@code src/lib.rs} starting with an inner attribute; dep holds {@code ci.sh}.
 */
class BuildRulesTest {
    static final String REG = "registry+https://github.com/rust-lang/crates.io-index";
    static final byte[] ELF = Arrays.copyOf(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 128);

    @TempDir
    Path dir;
    Path ws;
    Path registry;
    String elfSha;
    String buildRsSha;

    @BeforeEach
    void crates() throws IOException {
        ws = Files.createDirectories(dir.resolve("ws"));
        registry = Files.createDirectories(dir.resolve("registry"));
        Files.writeString(ws.resolve("Cargo.toml"), "[package]\nname = \"app\"\nversion = \"0.1.0\"\n");
        Path tool = crate("tool", "1.0.0");
        Files.writeString(tool.resolve("build.rs"), "fn main() { println!(\"cargo:rerun-if-changed=build.rs\"); }\n");
        Files.createDirectories(tool.resolve("bin"));
        Files.write(tool.resolve("bin/x86_64-linux"), ELF);
        Files.createDirectories(tool.resolve("scripts"));
        Files.writeString(tool.resolve("scripts/gen"), "#!/usr/bin/env python3\nprint('generated')\n");
        Files.createDirectories(tool.resolve("tools"));
        Files.writeString(tool.resolve("tools/helper.py"), "print('a helper that is long enough')\n");
        Files.writeString(tool.resolve("src/lib.rs"), "#![allow(dead_code)]\npub fn f() {}\n");
        Path dep = crate("dep", "1.0.0");
        Files.writeString(dep.resolve("ci.sh"), "#!/bin/sh\necho running the tests\n");
        crate("mac", "1.0.0");
        elfSha = BuildScan.sha256(tool.resolve("bin/x86_64-linux"));
        buildRsSha = BuildScan.sha256(tool.resolve("build.rs"));
    }

    private Path crate(String name, String version) throws IOException {
        Path c = Files.createDirectories(registry.resolve(name + "-" + version));
        Files.createDirectories(c.resolve("src"));
        Files.writeString(c.resolve("Cargo.toml"), "[package]\nname = \"" + name + "\"\nversion = \"" + version + "\"\n");
        Files.writeString(c.resolve("src/lib.rs"), "");
        return c;
    }

    private static String target(String kind, String src) {
        return "{\"kind\":[\"" + kind + "\"],\"crate_types\":[\"" + (kind.equals("custom-build") ? "bin" : kind) + "\"],\"name\":\""
                + (kind.equals("custom-build") ? "build-script-build" : "x") + "\",\"src_path\":\"" + src.replace("\\", "\\\\") + "\"}";
    }

    private String pkg(String name, String version, boolean member, String extraTarget) {
        Path d = member ? ws : registry.resolve(name + "-" + version);
        String id = member ? "path+file://" + ws + "#" + name + "@" + version : REG + "#" + name + "@" + version;
        String targets = target("lib", d.resolve("src/lib.rs").toString()) + (extraTarget == null ? "" : "," + extraTarget);
        return "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"id\":\"" + id + "\",\"source\":"
                + (member ? "null" : "\"" + REG + "\"") + ",\"dependencies\":[],\"targets\":[" + targets + "],\"features\":{},"
                + "\"manifest_path\":\"" + d.resolve("Cargo.toml").toString().replace("\\", "\\\\") + "\"}";
    }

    private static String id(String name) {
        return name.equals("app") ? null : REG + "#" + name + "@1.0.0";
    }

    private String node(String idText, List<String> features, String... deps) {
        List<String> ds = new ArrayList<>();
        for (String d : deps) {
            ds.add("{\"name\":\"" + d + "\",\"pkg\":\"" + id(d) + "\",\"dep_kinds\":[{\"kind\":null,\"target\":null}]}");
        }
        return "{\"id\":\"" + idText + "\",\"deps\":[" + String.join(",", ds) + "],\"features\":["
                + String.join(",", features.stream().map(f -> "\"" + f + "\"").toList()) + "]}";
    }

    /** Writes the metadata (tool enables {@code toolFeatures}) and deny.toml, and checks bans. */
    private Verdict check(String denyToml, String... toolFeatures) throws IOException {
        String appId = "path+file://" + ws + "#app@0.1.0";
        String packages = String.join(",",
                pkg("app", "0.1.0", true, null),
                pkg("tool", "1.0.0", false, target("custom-build", registry.resolve("tool-1.0.0/build.rs").toString())),
                pkg("dep", "1.0.0", false, null),
                pkg("mac", "1.0.0", false, target("proc-macro", registry.resolve("mac-1.0.0/src/lib.rs").toString())),
                pkg("gone", "1.0.0", false, target("custom-build", dir.resolve("elsewhere/gone-1.0.0/build.rs").toString()))
                        .replace(registry.resolve("gone-1.0.0").toString(), dir.resolve("elsewhere/gone-1.0.0").toString()));
        String nodes = String.join(",",
                node(appId, List.of(), "tool", "mac", "gone"),
                node(id("tool"), List.of(toolFeatures), "dep"),
                node(id("dep"), List.of()), node(id("mac"), List.of()), node(id("gone"), List.of()));
        String json = "{\"packages\":[" + packages + "],\"workspace_members\":[\"" + appId + "\"],\"resolve\":{\"nodes\":["
                + nodes + "],\"root\":\"" + appId + "\"},\"workspace_root\":\"" + ws.toString().replace("\\", "\\\\") + "\",\"version\":1}";
        Path meta = Files.writeString(ws.resolve("metadata.json"), json, StandardCharsets.UTF_8);
        Files.writeString(ws.resolve("deny.toml"), denyToml);
        RepositoryFacts.Result r = RepositoryFacts.load(new RepositoryFacts.Request(ws, null, meta, Set.of("bans"), Set.of("bans")));
        return Workspace.engine().evaluate(r.facts(), Set.of("bans"));
    }

    private static List<String> codes(Verdict v) {
        // Where a finding points, then the file it is about (data.path) when it is about one.
        return v.findings().stream().map(f -> f.code() + " " + f.subject() + " " + f.location().file()
                + (f.data().get("path") == null ? "" : " " + f.data().get("path"))).sorted().toList();
    }

    private static Finding one(Verdict v, String code) {
        List<Finding> fs = v.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, fs.size(), codes(v).toString());
        return fs.get(0);
    }

    @Test
    void defaultsDenyNativeExecutablesOfCompileTimeCratesOnly() throws IOException {
        Verdict v = check("[bans.build]\n");
        assertEquals(List.of(
                "build-not-evaluated gone@1.0.0 metadata.json",
                "detected-executable tool@1.0.0 metadata.json bin/x86_64-linux"), codes(v));
        Finding exe = one(v, "detected-executable");
        assertEquals(Severity.ERROR, exe.severity());
        assertEquals("elf", exe.data().get("kind"));
        Finding gone = one(v, "build-not-evaluated");
        assertEquals(Severity.ERROR, gone.severity(), "executables = deny could not be checked");
        assertTrue(gone.message().contains("sources are not on this machine"), gone.message());
    }

    @Test
    void interpretedScriptsBuiltinGlobsAndDependencies() throws IOException {
        Verdict v = check("""
                [bans.build]
                executables = "warn"
                interpreted = "deny"
                enable-builtin-globs = true
                include-dependencies = true
                """);
        assertEquals(List.of(
                "build-not-evaluated gone@1.0.0 metadata.json",
                "denied-by-extension dep@1.0.0 metadata.json ci.sh",
                "denied-by-extension tool@1.0.0 metadata.json tools/helper.py",
                "detected-executable tool@1.0.0 metadata.json bin/x86_64-linux",
                "detected-executable-script tool@1.0.0 metadata.json scripts/gen"), codes(v));
        assertEquals(Severity.WARNING, one(v, "detected-executable").severity());
        Finding script = one(v, "detected-executable-script");
        assertEquals(Severity.ERROR, script.severity());
        assertEquals("python3", script.data().get("interpreter"));
        assertTrue(v.findings().stream().anyMatch(f -> f.code().equals("denied-by-extension") && f.data().get("globs").equals(List.of("*.py"))));
    }

    @Test
    void executablesAllowScansNothing() throws IOException {
        Verdict v = check("[bans.build]\nexecutables = \"allow\"\ninterpreted = \"deny\"\nenable-builtin-globs = true\n");
        assertEquals(List.of(), codes(v), "cargo-deny checks nothing of a crate with an allowed build script then");
    }

    @Test
    void bypassPathsChecksumsAndGlobs() throws IOException {
        String good = """
                [bans.build]
                enable-builtin-globs = true
                [[bans.build.bypass]]
                crate = "tool"
                allow = [{ path = "bin/x86_64-linux", checksum = "%s" }, { path = "bin/gone" }]
                allow-globs = ["tools/*.py", "nothing/*"]
                [[bans.build.bypass]]
                crate = "nosuch"
                """;
        Verdict v = check(good.formatted(elfSha));
        assertEquals(List.of(
                "build-not-evaluated gone@1.0.0 metadata.json",
                "unmatched-bypass nosuch deny.toml",
                "unmatched-glob tool@1.0.0 deny.toml",
                "unmatched-path-bypass tool@1.0.0 deny.toml bin/gone"), codes(v));
        assertEquals("bin/gone", one(v, "unmatched-path-bypass").data().get("path"));
        assertEquals("nothing/*", one(v, "unmatched-glob").data().get("glob"));

        v = check(good.formatted("ab".repeat(32)));
        Finding bad = one(v, "checksum-mismatch");
        assertEquals(Severity.ERROR, bad.severity());
        assertEquals(elfSha, bad.data().get("calculated"));
        assertEquals("deny.toml", bad.location().file());
        assertEquals(5, bad.location().line());
    }

    @Test
    void allowBuildScriptsAndTheBuildScriptChecksum() throws IOException {
        Verdict v = check("""
                [bans.build]
                allow-build-scripts = ["mac", "ghost"]
                """);
        assertEquals(List.of(
                "allowed-crate-without-build-script mac deny.toml",
                "build-script-not-allowed gone@1.0.0 metadata.json",
                "build-script-not-allowed tool@1.0.0 metadata.json",
                "unmatched-allow-build-script ghost deny.toml"), codes(v),
                "gone's build script is not allowed, so cargo-deny would not scan its files: nothing is left unchecked");
        assertTrue(one(v, "unmatched-allow-build-script").message().contains("ghost"));

        String bypass = """
                [bans.build]
                allow-build-scripts = ["gone"]
                [[bans.build.bypass]]
                crate = "tool@1.0.0"
                build-script = "%s"
                required-features = ["dangerous"]
                """;
        v = check(bypass.formatted(buildRsSha));
        assertEquals(List.of("build-not-evaluated gone@1.0.0 metadata.json"), codes(v),
                "the build script's checksum matches, no required feature is on: tool is not checked at all");

        v = check(bypass.formatted(buildRsSha), "dangerous");
        assertEquals(List.of(
                "build-not-evaluated gone@1.0.0 metadata.json",
                "build-script-not-allowed tool@1.0.0 metadata.json",
                "features-enabled tool@1.0.0 deny.toml"), codes(v));

        v = check(bypass.formatted("0".repeat(64)));
        Finding mismatch = one(v, "build-script-checksum-mismatch");
        assertEquals(Severity.WARNING, mismatch.severity(), "a build-script mismatch is a warning, then the crate is checked");
        assertEquals(buildRsSha, mismatch.data().get("calculated"));
        assertTrue(codes(v).contains("build-script-not-allowed tool@1.0.0 metadata.json"), codes(v).toString());
    }

    @Test
    void withoutMetadataNothingIsEvaluatedAndTheRunSaysSo() throws IOException {
        Files.writeString(ws.resolve("Cargo.lock"), "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n");
        Files.writeString(ws.resolve("deny.toml"), "[bans.build]\nexecutables = \"warn\"\n");
        RepositoryFacts.Result r = RepositoryFacts.load(new RepositoryFacts.Request(ws, null, null, Set.of("bans"), Set.of("bans")));
        Verdict v = Workspace.engine().evaluate(r.facts(), Set.of("bans"));
        Finding f = one(v, "build-not-evaluated");
        assertEquals(Severity.WARNING, f.severity(), "only warn-level checks were configured");
        assertEquals("deny.toml", f.location().file());
        assertEquals(1, f.location().line());

        Files.writeString(ws.resolve("deny.toml"), "[bans.build]\nallow-build-scripts = []\n");
        r = RepositoryFacts.load(new RepositoryFacts.Request(ws, null, null, Set.of("bans"), Set.of("bans")));
        assertEquals(Severity.ERROR, one(Workspace.engine().evaluate(r.facts(), Set.of("bans")), "build-not-evaluated").severity());
    }
}
