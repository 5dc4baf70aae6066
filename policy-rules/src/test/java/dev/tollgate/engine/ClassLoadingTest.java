package dev.tollgate.engine;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.RulesException;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, class loading: the engine is found through policy-api's own loader first, then the thread's
 * context loader, and a provider that cannot be loaded is a clear message; custom rules match fact
 * classes of the embedder's own that only a child class loader holds, named with
 * {@link EngineOptions#withFactClassLoader}.
 */
class ClassLoadingTest {
    private static final String CRATE = """
            package acme;

            public final class Crate {
                private final String name;
                private final int stars;

                public Crate(String name, int stars) {
                    this.name = name;
                    this.stars = stars;
                }

                public String getName() {
                    return name;
                }

                public int getStars() {
                    return stars;
                }
            }
            """;

    private static final String RULE = """
            package acme.popularity;

            import acme.Crate;
            import dev.tollgate.api.findings.*;

            rule "unpopular-crate"
                @code("unpopular-crate") @severity("warning") @doc("A crate with fewer than 10 stars.")
            when
                $c : Crate( stars < 10 )
            then
                insert(Finding.of("popularity", "unpopular-crate", Severity.WARNING, $c.getName() + " has " + $c.getStars() + " stars")
                        .about($c.getName()));
            end
            """;

    /** A child loader of this one, holding {@code acme.Crate} compiled from source here. */
    private static URLClassLoader factLoader(Path tmp) throws Exception {
        Path src = tmp.resolve("src/acme/Crate.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, CRATE);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoadingTest.class.getClassLoader());
    }

    @Test
    void customRulesMatchFactClassesOfAChildLoader(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("popularity.drl"), RULE);
        Path cache = tmp.resolve("cache");
        try (URLClassLoader child = factLoader(tmp)) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("acme.Crate", false, ClassLoadingTest.class.getClassLoader()));

            // without the loader the rule cannot see the class: a compile error at its line, not an opaque exception
            RulesException unseen = assertThrows(RulesException.class,
                    () -> Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(rules)).withCacheDir(cache)));
            assertTrue(unseen.getMessage().contains("popularity.drl:"), unseen.getMessage());

            PolicyEngine engine = Tollgate.engine(EngineOptions.bundled().withRuleDirs(List.of(rules)).withCacheDir(cache)
                    .withFactClassLoader(child));
            assertTrue(engine.policies().contains("popularity"), engine.policies().toString());
            Class<?> crate = child.loadClass("acme.Crate");
            Object tiny = crate.getConstructor(String.class, int.class).newInstance("tiny", 3);
            Object big = crate.getConstructor(String.class, int.class).newInstance("big", 5000);
            Verdict v = engine.evaluate(List.of(tiny, big), Set.of("popularity"));
            List<Finding> found = v.findings().stream().filter(f -> f.code().equals("unpopular-crate")).toList();
            assertEquals(1, found.size(), v.findings().toString());
            assertEquals("tiny", found.get(0).subject());
            assertEquals("tiny has 3 stars", found.get(0).message());
            // the policy not selected: its rules do not fire
            assertTrue(engine.evaluate(List.of(tiny), Set.of()).findings().stream().noneMatch(f -> f.code().equals("unpopular-crate")));
            // compiled against classes the cache cannot fingerprint: nothing cached
            assertFalse(Files.exists(cache.resolve("rules")), "compiled rules were cached");
        }
    }

    @Test
    void theSandboxStillRefusesWhatTheFactLoaderDoesNotDefine(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("popularity.drl"), RULE.replace("insert(Finding.of(", "System.exit(1); insert(Finding.of("));
        try (URLClassLoader child = factLoader(tmp)) {
            RulesException e = assertThrows(RulesException.class, () -> Tollgate.engine(EngineOptions.bundled()
                    .withRuleDirs(List.of(rules)).withCacheDir(tmp.resolve("cache")).withFactClassLoader(child)));
            assertTrue(e.getMessage().contains("System.exit"), e.getMessage());
        }
    }

    @Test
    void theEngineIsFoundThroughTheApisLoaderWhateverTheContextLoader() {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader nothing = new URLClassLoader(new URL[0], null)) {
            t.setContextClassLoader(nothing); // a plugin container's: it sees neither policy-api nor policy-rules
            assertFalse(Tollgate.engine(EngineOptions.bundled()).codes().isEmpty());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void aProviderThatCannotBeLoadedIsAClearMessage() throws Exception {
        // policy-api alone in a loader of its own: its provider interface is not the one policy-rules implements,
        // so the provider the context loader finds cannot be used
        URL api = Tollgate.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {api}, ClassLoader.getPlatformClassLoader())) {
            Class<?> tollgate = alone.loadClass("dev.tollgate.api.Tollgate");
            Object options = alone.loadClass("dev.tollgate.api.EngineOptions").getMethod("bundled").invoke(null);
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(ClassLoadingTest.class.getClassLoader());
            try {
                var e = assertThrows(java.lang.reflect.InvocationTargetException.class,
                        () -> tollgate.getMethod("engine", options.getClass()).invoke(null, options));
                assertEquals(IllegalStateException.class, e.getCause().getClass(), e.getCause().toString());
                assertTrue(e.getCause().getMessage().startsWith("cannot load the Tollgate engine ("), e.getCause().getMessage());
                assertTrue(e.getCause().getMessage().contains("DroolsEngineProvider"), e.getCause().getMessage());
            } finally {
                t.setContextClassLoader(before);
            }
        }
    }
}
