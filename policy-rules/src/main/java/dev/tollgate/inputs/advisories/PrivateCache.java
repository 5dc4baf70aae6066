package dev.tollgate.inputs.advisories;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The advisory cache ({@code advisory-dbs} under the cache directory: clones and parsed databases) is
 * private to the user whatever the umask: directories Tollgate creates there are 0700 and files 0600
 * (0700 when the owner may execute), set explicitly after creation, not left to the umask; an entry
 * owned by another user, or that group or others may write, is not used (another user could have
 * put or changed what it says). On a file system without POSIX permissions nothing is checked.
 */
final class PrivateCache {
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> EXEC_MODE = PosixFilePermissions.fromString("rwx------");
    private static volatile UserPrincipal user;

    private PrivateCache() {
    }

    /** Creates the missing directories of {@code dir}, each 0700; existing ones are left as they are. */
    static void directories(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) directories(parent);
        try {
            if (posix(parent)) Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            else Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            return; // made meanwhile by a concurrent run (isPrivate decides whether to use it)
        }
        setMode(dir, DIR_MODE);
    }

    /**
     * Creates {@code dir} (Tollgate's own directory, such as {@code advisory-dbs}) as {@link #directories}
     * does; when it exists, is the user's and others may write it (made by an older version under a lax
     * umask), it is made 0700 again: what another user put inside is still refused entry by entry.
     *
     * @return whether it is private now
     */
    static boolean claim(Path dir) throws IOException {
        directories(dir);
        if (!isPrivate(dir) && posix(dir)) {
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isDirectory() && a.owner().equals(currentUser(dir))) setMode(dir, DIR_MODE);
        }
        return isPrivate(dir);
    }

    /** Sets every directory under {@code root} (itself included) to 0700 and every file to 0600 (0700 if executable). */
    static void privatize(Path root) throws IOException {
        if (!posix(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                setMode(d, DIR_MODE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                if (a.isRegularFile()) {
                    boolean exec = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE);
                    setMode(f, exec ? EXEC_MODE : FILE_MODE);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Whether {@code p} (not followed if a link) belongs to the user and no one else may write it; true
     * on a file system without POSIX permissions.
     */
    static boolean isPrivate(Path p) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view == null) return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes a = view.readAttributes();
            if (a.isSymbolicLink()) return false;
            Set<PosixFilePermission> m = a.permissions();
            return a.owner().equals(currentUser(p)) && !m.contains(PosixFilePermission.GROUP_WRITE)
                    && !m.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code root} and everything under it are {@link #isPrivate}; links are not followed. */
    static boolean isPrivateTree(Path root) {
        if (!isPrivate(root)) return false;
        if (!posix(root)) return true;
        boolean[] ok = {true};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    return check(d);
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    return check(f);
                }

                private FileVisitResult check(Path x) {
                    if (isPrivate(x)) return FileVisitResult.CONTINUE;
                    ok[0] = false;
                    return FileVisitResult.TERMINATE;
                }
            });
        } catch (IOException e) {
            return false;
        }
        return ok[0];
    }

    private static boolean posix(Path p) {
        Path at = p;
        while (at != null && !Files.exists(at, LinkOption.NOFOLLOW_LINKS)) at = at.getParent();
        return at == null || Files.getFileAttributeView(at, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }

    private static void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) == null) return;
        Files.setPosixFilePermissions(p, mode);
        // verified: a file system that ignores the mode must not leave a shared entry behind silently
        if (!Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(mode)) {
            throw new IOException("cannot make " + p + " private (mode " + PosixFilePermissions.toString(mode) + ")");
        }
    }

    private static UserPrincipal currentUser(Path p) throws IOException {
        UserPrincipal u = user;
        if (u == null) {
            u = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
            user = u;
        }
        return u;
    }
}
