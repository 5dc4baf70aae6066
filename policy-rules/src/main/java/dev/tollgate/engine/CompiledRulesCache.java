package dev.tollgate.engine;

import dev.tollgate.api.RulesException;
import dev.tollgate.engine.RuleCompiler.Compiled;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiled custom rules on disk, keyed by a hash of every file's name and content, the Drools
 * version and Tollgate's version: a changed file, or another Drools, gives another key, so a stale
 * entry is never served. Entries are written to a temporary directory and moved into place, so a
 * concurrent or interrupted run never sees half an entry.
 *
 * <p>The cache holds class files that Tollgate loads: it must live where only the user writes (the
 * default is the user cache directory). It is never read from the repository under review.
 */
public final class CompiledRulesCache {
    private static final String INDEX = "rules.index";
    private static final String CLASSES = "classes";
    /** Bump when the layout of an entry changes. */
    private static final String FORMAT = "1";

    private final Path root;

    public CompiledRulesCache(Path cacheDir) {
        this.root = cacheDir.resolve("rules");
    }

    /** A compiled rule set ready to load, and whether it came from the cache. */
    public record Entry(RulesIndex index, ClassLoader loader, boolean hit, Path dir) {
    }

    public static String key(List<RuleFile> files) {
        StringBuilder s = new StringBuilder("tollgate-rules ").append(FORMAT)
                .append(' ').append(BuildInfo.tollgateVersion())
                .append(" drools ").append(BuildInfo.droolsVersion()).append('\n');
        files.stream().sorted(Comparator.comparing(RuleFile::name))
                .forEach(f -> s.append(f.name()).append(' ').append(f.sha256()).append('\n'));
        return RuleFile.sha256(s.toString());
    }

    /** Loads the compiled form of {@code files}, compiling and storing it first on a miss. */
    public Entry load(List<RuleFile> files, ClassLoader parent) {
        String key = key(files);
        Path dir = root.resolve(key);
        Path indexFile = dir.resolve(INDEX);
        if (Files.isRegularFile(indexFile)) {
            try (InputStream in = Files.newInputStream(indexFile)) {
                RulesIndex index = RulesIndex.read(in);
                return new Entry(index, loader(dir, parent), true, dir);
            } catch (IOException e) {
                // A damaged entry is compiled again below and replaced.
            }
        }
        Compiled compiled = RuleCompiler.compile(files);
        RulesIndex index = new RulesIndex(BuildInfo.droolsVersion(), compiled.models());
        try {
            store(dir, compiled, index);
            return new Entry(index, loader(dir, parent), false, dir);
        } catch (IOException e) {
            // An unwritable cache costs speed, not correctness: load the classes from memory.
            return new Entry(index, new BytesClassLoader(compiled.classes(), parent), false, null);
        }
    }

    private void store(Path dir, Compiled compiled, RulesIndex index) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, "tmp-");
        try {
            for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
                Path file = tmp.resolve(CLASSES).resolve(c.getKey().replace('.', '/') + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, c.getValue());
            }
            Files.writeString(tmp.resolve(INDEX), index.write());
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // Another run stored the same entry first; theirs is as good as ours.
                if (!Files.isRegularFile(dir.resolve(INDEX))) throw e;
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private static ClassLoader loader(Path dir, ClassLoader parent) {
        try {
            return new ChildFirstLoader(new URL[]{dir.resolve(CLASSES).toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new RulesException(List.of(new RulesException.Problem(dir.toString(), 0, 0, "bad cache path: " + e.getMessage())));
        }
    }

    /**
     * Generated class names derive from the DRL package, so a custom {@code sources.drl} in package
     * {@code tollgate.sources} generates the same names as the bundled one: its own classes must win
     * over the parent's, hence child-first for what the entry holds.
     */
    static final class ChildFirstLoader extends URLClassLoader {
        ChildFirstLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && findResource(name.replace('.', '/') + ".class") != null) c = findClass(name);
                if (c == null) return super.loadClass(name, resolve);
                if (resolve) resolveClass(c);
                return c;
            }
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException ignored) {
                    // Leftover temporary files are harmless: they are never read as entries.
                }
            });
        } catch (IOException ignored) {
            // As above.
        }
    }

    /** Defines classes from bytes compiled in this process. */
    static final class BytesClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && classes.containsKey(name)) c = findClass(name);
                if (c == null) return super.loadClass(name, resolve);
                if (resolve) resolveClass(c);
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}
