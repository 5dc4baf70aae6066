package dev.tollgate.inputs.denytoml;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The point of the fast reading: a run that reads a well-formed deny.toml (or has none) never loads
 * tomlj, whose ANTLR warm-up costs a cold process about 90 ms. Each case loads the reader in a class
 * loader of its own over the test class path, as a fresh JVM would, and asks that loader afterwards
 * which classes it loaded.
 */
class TomljStaysUnloadedTest {
    private static final String TOMLJ = "org.tomlj.Toml";

    // That only Tomlj touches tomlj is an ArchUnit rule: dev.tollgate.arch.LoadingBudgetTest (policy-runner).

    @Test
    void readingARealDenyTomlLoadsNoTomlj() throws Exception {
        try (Fresh jvm = new Fresh()) {
            jvm.call("read", new Class<?>[] {Path.class, String.class},
                    Corpus.file("zeroclaw/head/deny.toml"), "deny.toml");

            assertFalse(jvm.loaded(TOMLJ));
            assertTrue(jvm.loaded("com.fasterxml.jackson.dataformat.toml.TomlFactory"));
        }
    }

    @Test
    void theDefaultsLoadNoTomlj() throws Exception {
        try (Fresh jvm = new Fresh()) {
            jvm.load("dev.tollgate.inputs.denytoml.DenyConfig").getMethod("defaults", String.class)
                    .invoke(null, "deny.toml");

            assertFalse(jvm.loaded(TOMLJ));
        }
    }

    /** The check above can fail: malformed TOML does load tomlj, for its error message. */
    @Test
    void aSyntaxErrorLoadsTomlj() throws Exception {
        try (Fresh jvm = new Fresh()) {
            InvocationTargetException e = assertThrows(InvocationTargetException.class,
                    () -> jvm.call("parse", new Class<?>[] {String.class, String.class}, "a = [1,,2]\n", "deny.toml"));

            assertInstanceOf(jvm.load("dev.tollgate.inputs.io.InputException"), e.getCause());
            assertTrue(jvm.loaded(TOMLJ));
        }
    }

    /** A class loader over the test class path that delegates only to the platform classes, like a new JVM. */
    private static final class Fresh extends URLClassLoader {
        Fresh() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        Class<?> load(String name) throws ClassNotFoundException {
            return Class.forName(name, true, this);
        }

        void call(String method, Class<?>[] types, Object... args) throws ReflectiveOperationException {
            load("dev.tollgate.inputs.denytoml.DenyTomlReader").getMethod(method, types).invoke(null, args);
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        /** Surefire may pass a single jar whose manifest lists the class path; this loader follows it too. */
        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.isEmpty()) urls.add(new File(entry).toURI().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }
}
