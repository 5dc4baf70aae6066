package dev.tollgate.engine.compiler;

import dev.tollgate.api.RulesException;
import dev.tollgate.engine.BuildInfo;
import dev.tollgate.engine.RuleFile;
import dev.tollgate.engine.RulesIndex;
import dev.tollgate.engine.compiler.RuleCompiler.Compiled;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiled custom rules on disk, keyed by a hash of every file's name and content and of the engine
 * build: a changed file, or another Tollgate or Drools, gives another key, so a stale entry is never
 * served. Entries are written to a temporary directory and moved into place, so a concurrent or
 * interrupted run never sees half an entry.
 *
 * <p>The cache holds class files that Tollgate loads, so an entry is trusted only when it checks out
 * (docs/authoring.md "Compiled rules cache"): its {@code integrity} file records the hash of the engine
 * build that compiled and checked it ({@link #engineHash()}), every source file's name and SHA-256,
 * and the hash of the index and class files; an entry is used only if all three match the current
 * run, else it is compiled again and replaced (a damaged entry costs a compile, never the run). The
 * rules passed {@link RuleSandbox} before the entry was written, so a verified entry is not checked
 * again. Entries are private to their user (directories 0700, files 0600, whatever the umask) and
 * one owned by another user, or writable by others, is ignored. The CLI refuses a cache directory
 * inside the repository under review.
 */
public final class CompiledRulesCache {
    private static final String INDEX = "rules.index";
    private static final String CLASSES = "classes";
    private static final String INTEGRITY = "integrity";
    /** Bump when the layout of an entry changes. */
    private static final String FORMAT = "2";
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final Path root;

    public CompiledRulesCache(Path cacheDir) {
        this.root = cacheDir.resolve("rules");
    }

    /** A compiled rule set ready to load, and whether it came from the cache. */
    public record Entry(RulesIndex index, ClassLoader loader, boolean hit, Path dir) {
    }

    public static String key(List<RuleFile> files) {
        StringBuilder s = new StringBuilder("tollgate-rules ").append(FORMAT).append(' ').append(engineHash()).append('\n');
        files.stream().sorted(Comparator.comparing(RuleFile::name))
                .forEach(f -> s.append(f.name()).append(' ').append(f.sha256()).append('\n'));
        return RuleFile.sha256(s.toString());
    }

    /** Loads the compiled form of {@code files}, compiling and storing it first on a miss. */
    public Entry load(List<RuleFile> files, ClassLoader parent) {
        String key = key(files);
        Path dir = root.resolve(key);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && verified(dir, files)) {
            try (InputStream in = Files.newInputStream(dir.resolve(INDEX))) {
                return new Entry(RulesIndex.read(in), loader(dir, parent), true, dir);
            } catch (IOException e) {
                // A damaged entry is compiled again below and replaced.
            }
        }
        Compiled compiled = RuleCompiler.compile(files);
        RulesIndex index = new RulesIndex(BuildInfo.droolsVersion(), compiled.models());
        try {
            store(dir, compiled, index, files);
            if (verified(dir, files)) return new Entry(index, loader(dir, parent), false, dir);
        } catch (IOException | RuntimeException e) {
            // An unwritable cache costs speed, not correctness: the classes are loaded from memory.
        }
        return new Entry(index, new BytesClassLoader(compiled.classes(), parent), false, null);
    }

    /**
     * Whether the entry in {@code dir} is ours and is what {@code files} compile to: owned by this
     * user and private, compiled by this engine build from these sources, and its index and class
     * files unchanged since they were written.
     */
    static boolean verified(Path dir, List<RuleFile> files) {
        try {
            if (!ownedPrivately(dir) || !ownedPrivately(dir.resolve(INTEGRITY)) || !ownedPrivately(dir.resolve(INDEX))) return false;
            String recorded = Files.readString(dir.resolve(INTEGRITY), StandardCharsets.UTF_8);
            return recorded.equals(integrity(files, contentHash(dir)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The integrity record: engine build, each source, and the hash of the entry's files. */
    private static String integrity(List<RuleFile> files, String contentHash) {
        StringBuilder s = new StringBuilder("# Tollgate compiled rules: the entry is used only if this matches\n");
        s.append("engine ").append(engineHash()).append('\n');
        files.stream().sorted(Comparator.comparing(RuleFile::name))
                .forEach(f -> s.append("source ").append(f.name()).append(' ').append(f.sha256()).append('\n'));
        s.append("content ").append(contentHash).append('\n');
        return s.toString();
    }

    /** SHA-256 over the index and every file under classes/ (relative name, size and bytes, by name). */
    private static String contentHash(Path dir) throws IOException {
        MessageDigest md = sha256();
        update(md, INDEX);
        md.update(Files.readAllBytes(dir.resolve(INDEX)));
        Path classes = dir.resolve(CLASSES);
        if (Files.isDirectory(classes, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(classes)) {
                all = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            for (Path p : all) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) throw new IOException("not a regular file: " + p);
                byte[] b = Files.readAllBytes(p);
                update(md, classes.relativize(p).toString().replace('\\', '/'));
                update(md, Integer.toString(b.length));
                md.update(b);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static volatile String engineHash;

    /**
     * The engine build that compiles and checks rules: the entry format, Tollgate's and Drools'
     * versions, the allow list's version and the bytes of the classes that compile and check rules,
     * so a rebuilt engine (another allow list, say) never trusts entries an older one wrote.
     */
    static String engineHash() {
        String h = engineHash;
        if (h != null) return h;
        MessageDigest md = sha256();
        update(md, FORMAT);
        update(md, BuildInfo.tollgateVersion());
        update(md, BuildInfo.droolsVersion());
        update(md, RuleSandbox.VERSION);
        for (Class<?> c : List.of(RuleCompiler.class, RuleSandbox.class, ClassRefs.class, CompiledRulesCache.class)) {
            update(md, c.getName());
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                if (in != null) md.update(in.readAllBytes());
            } catch (IOException e) {
                update(md, "unreadable");
            }
        }
        h = HexFormat.of().formatHex(md.digest());
        engineHash = h;
        return h;
    }

    /** Owned by this user, not a symbolic link, and writable by no one else (where files have owners). */
    private static boolean ownedPrivately(Path p) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes a = view.readAttributes();
        if (a.isSymbolicLink() || !a.owner().equals(currentUser(p))) return false;
        Set<PosixFilePermission> perms = a.permissions();
        return !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static volatile UserPrincipal user;

    private static UserPrincipal currentUser(Path p) throws IOException {
        UserPrincipal u = user;
        if (u == null) {
            u = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
            user = u;
        }
        return u;
    }

    private void store(Path dir, Compiled compiled, RulesIndex index, List<RuleFile> files) throws IOException {
        privateDirectories(root);
        Path tmp = Files.createTempDirectory(root, "tmp-");
        try {
            setMode(tmp, DIR_MODE);
            for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
                Path file = tmp.resolve(CLASSES).resolve(c.getKey().replace('.', '/') + ".class");
                privateDirectories(file.getParent());
                Files.write(file, c.getValue());
                setMode(file, FILE_MODE);
            }
            Files.writeString(tmp.resolve(INDEX), index.write());
            setMode(tmp.resolve(INDEX), FILE_MODE);
            Files.writeString(tmp.resolve(INTEGRITY), integrity(files, contentHash(tmp)));
            setMode(tmp.resolve(INTEGRITY), FILE_MODE);
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !verified(dir, files)) {
                // A damaged, stale or foreign entry under this key: set it aside, then replace it.
                Path old = root.resolve("old-" + dir.getFileName() + "-" + System.nanoTime());
                try {
                    Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // Another run replaced it first, or it cannot be moved: the move below decides.
                }
                deleteTree(old);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
                // Another run stored the same entry first; theirs is as good as ours if it checks out.
                if (!verified(dir, files)) throw e;
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /** Creates missing directories private to the user (0700 whatever the umask). */
    private static void privateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Path parent = dir.getParent();
        if (parent != null) privateDirectories(parent);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            return; // created meanwhile by a concurrent run
        }
        setMode(dir, DIR_MODE);
    }

    private static void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
            Files.setPosixFilePermissions(p, mode);
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
