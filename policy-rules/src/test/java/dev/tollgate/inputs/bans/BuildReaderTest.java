package dev.tollgate.inputs.bans;

import dev.tollgate.api.facts.BuildConfig;
import dev.tollgate.api.facts.Level;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildReaderTest {
    static BuildReader.Build read(String toml) {
        return BansReader.read(DenyTomlReader.parse(toml, "deny.toml")).build();
    }

    @Test
    void absentTableChecksNothingAndEmptyTableGivesCargoDenysDefaults() {
        assertNull(read("[bans]\n"));
        BuildConfig c = read("[bans.build]\n").config();
        assertFalse(c.allowBuildScripts());
        assertEquals(Level.DENY, c.executables());
        assertEquals(Level.ALLOW, c.interpreted());
        assertEquals(List.of(), c.scriptExtensions());
        assertFalse(c.includeDependencies() || c.includeWorkspace() || c.includeArchives() || c.enableBuiltinGlobs());
    }

    @Test
    void deprecatedTopLevelAllowBuildScriptsIsReadAsCargoDenyReadsIt() {
        BuildReader.Build b = read("[bans]\nallow-build-scripts = [\"cc\"]\n");
        assertTrue(b.config().allowBuildScripts());
        assertEquals(Level.ALLOW, b.config().executables(), "cargo-deny scans no file for the deprecated key");
        assertEquals(List.of("cc"), b.entries().stream().map(e -> e.name()).toList());
        assertEquals(2, b.config().origin().line());
        assertFalse(read("[bans]\nallow-build-scripts = [\"cc\"]\n[bans.build]\n").config().allowBuildScripts(),
                "with [bans.build] present, cargo-deny ignores the deprecated key");
    }

    @Test
    void everyKey() {
        BuildReader.Build b = read("""
                [bans.build]
                allow-build-scripts = ["cc", { crate = "ring@0.17" }]
                executables = "warn"
                interpreted = "deny"
                script-extensions = ["cs", "py"]
                enable-builtin-globs = true
                include-dependencies = true
                include-workspace = true
                include-archives = true
                [[bans.build.bypass]]
                name = "tool"
                version = "1"
                build-script = "%s"
                required-features = ["x"]
                allow-globs = ["tests/**"]
                allow = [{ path = "./bin/tool", checksum = "%s" }, { path = "README" }]
                """.formatted("AB".repeat(32), "cd".repeat(32)));
        BuildConfig c = b.config();
        assertTrue(c.allowBuildScripts() && c.includeDependencies() && c.includeWorkspace() && c.includeArchives());
        assertEquals(Level.WARN, c.executables());
        assertEquals(Level.DENY, c.interpreted());
        assertTrue(c.scriptExtensions().containsAll(List.of("cs", "py", "sh", "bat", "t", "ps1")));
        assertEquals(c.scriptExtensions().size(), c.scriptExtensions().stream().distinct().count(), "py once");
        assertEquals(3, b.entries().size());
        assertEquals("ab".repeat(32), b.bypasses().get(0).buildScript(), "checksums are lower-cased");
        assertEquals("bin/tool", b.paths().get(0).path());
        assertEquals("cd".repeat(32), b.paths().get(0).checksum());
        assertEquals("", b.paths().get(1).checksum());
        assertEquals(13, b.bypasses().get(0).buildScriptAt().line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "executables = \"forbid\"|2|[bans] build.executables: expected one of",
        "include-archives = 1|2|[bans] build.include-archives: expected true or false",
        "script-extensions = [\"*.py\"]|2|[bans] build.script-extensions[0]: expected a file extension",
        "allow-build-scripts = [\"serde 1\"]|2|[bans] build.allow-build-scripts[0]",
        "bypass = [{ crate = \"x\", build-script = \"abc\" }]|2|[bans] build.bypass[0].build-script: expected a SHA-256 checksum of 64 hex digits, found \"abc\" (3 characters)",
        "bypass = [{ crate = \"x\", allow = [{ path = \"/usr/bin/x\" }] }]|2|absolute paths are not allowed",
        "bypass = [{ crate = \"x\", allow-globs = [\"[oops\"] }]|2|[bans] build.bypass[0].allow-globs[0]: not a glob pattern",
    })
    void badValuesStopTheRunAtTheirPosition(String line, int lineNo, String message) {
        InputException e = assertThrows(InputException.class, () -> read("[bans.build]\n" + line + "\n"));
        assertTrue(e.getMessage().startsWith("deny.toml:" + lineNo + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
