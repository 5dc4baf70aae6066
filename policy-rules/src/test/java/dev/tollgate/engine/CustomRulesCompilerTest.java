package dev.tollgate.engine;

import dev.tollgate.api.RulesException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiler is a separate artifact: found with ServiceLoader, and without it a clear error naming it. */
class CustomRulesCompilerTest {
    @Test
    void aLoaderWithoutTheCompilerFindsNoneAndTheErrorNamesTheArtifact() {
        assertNull(CustomRulesCompiler.first(ClassLoader.getPlatformClassLoader()));
        RulesException e = CustomRulesCompiler.missing(List.of(new RuleFile("msrv.drl", "my-rules/msrv.drl", "package acme.msrv;")));
        assertEquals(1, e.problems().size());
        RulesException.Problem p = e.problems().get(0);
        assertEquals("my-rules/msrv.drl", p.file());
        assertTrue(p.message().contains("dev.tollgate:policy-rules-compiler:" + BuildInfo.tollgateVersion()), p.message());
        assertTrue(p.message().contains("<artifactId>policy-rules-compiler</artifactId>"), p.message());
    }

    /** This module's tests run with the compiler (built from ../compiler into target/precompiler-classes). */
    @Test
    void theCompilerIsFoundThroughTheEnginesOwnLoader() {
        CustomRulesCompiler c = CustomRulesCompiler.find(List.of());
        assertNotNull(c);
        assertEquals("dev.tollgate.engine.compiler.ModelCompiler", c.getClass().getName());
    }
}
