package dev.tollgate.inputs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ANTLR 4 runtime the build picks (dependencyManagement in the parent pom) is the one tomlj was generated
 * with: on another minor version each of tomlj's lexer and parser prints version warnings to stderr when it loads.
 */
class AntlrVersionTest {
    @Test
    void tomljLoadsWithoutAntlrVersionWarnings() throws Exception {
        URL tomlj = org.tomlj.Toml.class.getProtectionDomain().getCodeSource().getLocation();
        URL antlr = org.antlr.v4.runtime.RuntimeMetaData.class.getProtectionDomain().getCodeSource().getLocation();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // a loader of its own, so tomlj's lexer and parser are initialised here whatever ran before
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {tomlj, antlr}, ClassLoader.getPlatformClassLoader())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Object parsed = Class.forName("org.tomlj.Toml", true, fresh).getMethod("parse", String.class).invoke(null, "a = 1\n[t]\nb = [1, 2]\n");
            assertEquals(Boolean.FALSE, parsed.getClass().getMethod("hasErrors").invoke(parsed));
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}
