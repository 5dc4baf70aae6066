package dev.tollgate.inputs.advisories;

import dev.tollgate.inputs.io.InputException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.TextProgressMonitor;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Clones or fetches an advisory database from a git URL into a cache directory with JGit. The
 * checkout in the cache always matches the remote's default branch after a fetch; with
 * {@code offline} the network is never touched and the cached checkout is used as it is.
 */
public final class AdvisoryDbFetcher {
    /** cargo-deny's and RustSec's default database. */
    public static final String DEFAULT_URL = "https://github.com/rustsec/advisory-db";

    private AdvisoryDbFetcher() {
    }

    /** Where {@code url} is cached under {@code cacheDir}: a readable name and a hash of the URL. */
    public static Path cachePath(Path cacheDir, String url) {
        String name = url.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "");
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve("advisory-dbs").resolve(name + "-" + HexFormat.of().formatHex(h, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The local checkout of {@code url}: cloned on first use, fetched and reset to the remote's HEAD
     * otherwise; with {@code offline}, the cached checkout (an input error when there is none).
     *
     * @param progress where clone/fetch progress goes (standard error), or null for none
     */
    public static Path fetch(String url, Path cacheDir, boolean offline, Writer progress) {
        Path dir = cachePath(cacheDir, url);
        boolean present = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        // Another user's clone, or one others may write, could hold any advisories (or none): not used.
        boolean cached = Files.isDirectory(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)
                && PrivateCache.isPrivate(dir.getParent()) && PrivateCache.isPrivateTree(dir);
        if (offline) {
            if (!cached) {
                throw InputException.at(dir.toString(), (present
                        ? "--offline: the cached copy of the advisory database " + url + " is not private to this user"
                          + " (another user owns it, or others may write it); run once without --offline to fetch it again"
                        : "--offline: no cached copy of the advisory database " + url + "; run once without --offline to fetch it"));
            }
            return dir;
        }
        ProgressMonitor monitor = progress == null ? null : new TextProgressMonitor(progress);
        try {
            if (!cached) {
                if (!PrivateCache.claim(dir.getParent())) {
                    throw InputException.at(dir.getParent().toString(), "the advisory cache directory is not private to this user"
                            + " (another user owns it, or others may write it); choose another with --cache-dir");
                }
                Path tmp = Files.createTempDirectory(dir.getParent(), ".clone-");
                if (progress != null) progress.write("tollgate: cloning the advisory database " + url + " into " + dir + "\n");
                try {
                    try (Git g = Git.cloneRepository().setURI(url).setDirectory(tmp.toFile()).setDepth(1)
                            .setProgressMonitor(monitor).call()) {
                        g.getRepository().close();
                    }
                    PrivateCache.privatize(tmp); // JGit's files follow the umask
                } catch (GitAPIException | IOException | RuntimeException | Error e) {
                    // a failed clone leaves nothing behind: no .clone-* directory in the cache
                    try {
                        deleteTree(tmp);
                    } catch (IOException | RuntimeException ignored) {
                        // reported below as the clone's failure; the directory is private and named .clone-*
                    }
                    throw e;
                }
                if (present) {
                    // a clone that is not private: set aside (a rename in our own directory), never used
                    Path aside = dir.resolveSibling(".foreign-" + dir.getFileName() + "-" + System.nanoTime());
                    Files.move(dir, aside);
                    try {
                        deleteTree(aside);
                    } catch (IOException ignored) {
                        // another user's files may not be ours to delete; the entry is out of the way
                    }
                }
                try {
                    Files.move(tmp, dir);
                } catch (IOException e) {
                    if (!Files.isDirectory(dir.resolve(".git"))) throw e; // another run won the race: use its copy
                    deleteTree(tmp);
                }
                return dir;
            }
            if (progress != null) progress.write("tollgate: fetching the advisory database " + url + "\n");
            try (Git g = Git.open(dir.toFile())) {
                FetchResult r = g.fetch().setRemote("origin").setProgressMonitor(monitor)
                        .setRefSpecs(new RefSpec("+HEAD:refs/remotes/origin/HEAD")).setDepth(1).call();
                ObjectId head = r.getAdvertisedRef("HEAD") != null ? r.getAdvertisedRef("HEAD").getObjectId()
                        : g.getRepository().resolve("refs/remotes/origin/HEAD");
                if (head == null) throw InputException.at(url, "the advisory database remote has no HEAD");
                g.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
            }
            PrivateCache.privatize(dir); // what the fetch wrote follows the umask
            return dir;
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (e instanceof InputException ie) throw ie;
            throw new InputException(url, 0, 0, "cannot fetch the advisory database: " + e.getMessage()
                    + (cached ? " (a cached copy is in " + dir + "; --offline uses it)" : ""), e);
        } finally {
            if (progress != null) {
                try {
                    progress.flush();
                } catch (IOException ignored) {
                    // progress is best effort
                }
            }
        }
    }

    /**
     * A progress writer that passes each complete line to {@code listener}: of JGit's progress, which
     * redraws a line with carriage returns, only the last state of each line ("Receiving objects: 100%
     * (1234/1234), done"). Nothing is printed anywhere else.
     */
    public static Writer lines(java.util.function.Consumer<String> listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        return new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    char c = buf[i];
                    if (c == '\n') {
                        String text = line.toString().strip();
                        line.setLength(0);
                        if (!text.isEmpty()) listener.accept(text.startsWith("tollgate: ") ? text : "tollgate: " + text);
                    } else if (c == '\r') {
                        line.setLength(0);
                    } else {
                        line.append(c);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
