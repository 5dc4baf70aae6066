package dev.tollgate.inputs.git;

import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Files as they are at a git ref ({@code --base main}), read with JGit without touching the working
 * tree: how PR mode reads the base commit's Cargo.lock and deny.toml.
 */
public final class GitTree implements AutoCloseable {
    private final Repository repo;
    private final RevCommit commit;
    private final String ref;

    private GitTree(Repository repo, RevCommit commit, String ref) {
        this.repo = repo;
        this.commit = commit;
        this.ref = ref;
    }

    /** The tree of {@code ref} in the repository holding {@code dir}; an input error when either is missing. */
    public static GitTree at(Path dir, String ref) {
        Repository repo;
        try {
            FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toAbsolutePath().toFile());
            if (b.getGitDir() == null) throw InputException.at(dir.toString(), "not a git repository (needed for --base)");
            repo = b.setMustExist(true).build();
        } catch (IOException e) {
            throw InputException.at(dir.toString(), "cannot open the git repository: " + e.getMessage());
        }
        try (RevWalk walk = new RevWalk(repo)) {
            boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            ObjectId id = GitRefs.resolve(repo, ref, "--base", dir.toString(), shallow);
            return new GitTree(repo, walk.parseCommit(id), ref);
        } catch (IOException | RuntimeException e) {
            repo.close();
            if (e instanceof InputException ie) throw ie;
            throw InputException.at(dir.toString(), "cannot resolve `" + ref + "`: " + e.getMessage());
        }
    }

    /** The commit id the ref resolved to. */
    public String commitId() {
        return commit.getName();
    }

    /** The ISO date (UTC) of that commit. */
    public String commitDate() {
        return java.time.Instant.ofEpochSecond(commit.getCommitTime()).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }

    /**
     * The text of {@code path} (relative to the repository's top, forward slashes) at the ref, or null
     * when the file does not exist there; read like a file of the working tree: a regular file only, at
     * most the kind's size limit (checked before the blob is loaded), valid UTF-8.
     */
    public String read(String path, InputFiles.Kind kind) {
        byte[] b = bytes(path, kind.limit());
        return b == null ? null : InputFiles.decode(b, path + "@" + ref);
    }

    /** The ref as given ({@code --base main}). */
    public String ref() {
        return ref;
    }

    /** {@code ref} (null: HEAD) resolved in the same repository, with git's rules ({@link GitRefs}). */
    public String resolve(String other, String option) {
        try {
            boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            return GitRefs.resolve(repo, other == null ? org.eclipse.jgit.lib.Constants.HEAD : other, option,
                    repo.getWorkTree().toString(), shallow).getName();
        } catch (IOException e) {
            throw InputException.at(repo.getWorkTree().toString(), "cannot read the git repository: " + e.getMessage());
        }
    }

    /** What a path is at the ref. */
    public enum EntryType { ABSENT, FILE, DIRECTORY, SYMLINK, OTHER }

    /** The type of {@code path} (relative to the repository's top) at the ref. */
    public EntryType type(String path) {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
            if (tw == null) return EntryType.ABSENT;
            org.eclipse.jgit.lib.FileMode mode = tw.getFileMode(0);
            if (mode == org.eclipse.jgit.lib.FileMode.REGULAR_FILE || mode == org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE) return EntryType.FILE;
            if (mode == org.eclipse.jgit.lib.FileMode.TREE) return EntryType.DIRECTORY;
            if (mode == org.eclipse.jgit.lib.FileMode.SYMLINK) return EntryType.SYMLINK;
            return EntryType.OTHER;
        } catch (IOException e) {
            throw InputException.at(path, "cannot read " + path + " at " + ref + ": " + e.getMessage());
        }
    }

    /**
     * The bytes of the regular file {@code path} at the ref, or null when the ref has no such path; an
     * input error when it is something else (a symbolic link, a directory, a submodule) or larger than
     * {@code limit} bytes (checked before the blob is loaded).
     */
    public byte[] bytes(String path, long limit) {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
            if (tw == null) return null;
            org.eclipse.jgit.lib.FileMode mode = tw.getFileMode(0);
            if (mode != org.eclipse.jgit.lib.FileMode.REGULAR_FILE && mode != org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE) {
                throw InputException.at(path + "@" + ref, "not a regular file at " + ref + " ("
                        + (mode == org.eclipse.jgit.lib.FileMode.SYMLINK ? "a symbolic link" : mode == org.eclipse.jgit.lib.FileMode.TREE
                        ? "a directory" : "a submodule or other entry") + "); PR mode reads policy files from the base commit's objects");
            }
            return blob(tw.getObjectId(0).getName(), path, limit);
        } catch (IOException e) {
            throw InputException.at(path, "cannot read " + path + " at " + ref + ": " + e.getMessage());
        }
    }

    /**
     * Whether the directory {@code dir} at the ref holds, directly (not in a sub-folder), an entry whose
     * name ends in {@code suffix} (false when there is no such directory). Reads one tree, not its files.
     */
    public boolean hasChildEndingWith(String dir, String... suffixes) {
        try (TreeWalk tw = TreeWalk.forPath(repo, dir, commit.getTree())) {
            if (tw == null || tw.getFileMode(0) != org.eclipse.jgit.lib.FileMode.TREE) return false;
            try (TreeWalk sub = new TreeWalk(repo)) {
                sub.addTree(tw.getObjectId(0));
                sub.setRecursive(false);
                while (sub.next()) {
                    if (sub.getFileMode(0) == org.eclipse.jgit.lib.FileMode.TREE) continue;
                    for (String s : suffixes) if (sub.getNameString().endsWith(s)) return true;
                }
            }
        } catch (IOException e) {
            throw InputException.at(dir, "cannot read " + dir + " at " + ref + ": " + e.getMessage());
        }
        return false;
    }

    /**
     * Every regular file below the directory {@code dir} at the ref (path relative to the repository's
     * top, in path order, to its blob id); empty when the ref has no such directory. Symbolic links and
     * submodules below it are input errors (a policy directory at the base must be plain files), and so
     * are more than {@code maxFiles} files.
     */
    public java.util.SortedMap<String, String> files(String dir, int maxFiles) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        try (TreeWalk tw = TreeWalk.forPath(repo, dir, commit.getTree())) {
            if (tw == null || tw.getFileMode(0) != org.eclipse.jgit.lib.FileMode.TREE) return out;
            try (TreeWalk sub = new TreeWalk(repo)) {
                sub.addTree(tw.getObjectId(0));
                sub.setRecursive(true);
                while (sub.next()) {
                    String p = dir + "/" + sub.getPathString();
                    org.eclipse.jgit.lib.FileMode mode = sub.getFileMode(0);
                    if (mode != org.eclipse.jgit.lib.FileMode.REGULAR_FILE && mode != org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE) {
                        throw InputException.at(p + "@" + ref, "not a regular file at " + ref
                                + "; a policy directory read from the base commit holds plain files only");
                    }
                    if (out.size() == maxFiles) {
                        throw InputException.at(dir + "@" + ref, "more than " + maxFiles + " files at " + ref
                                + " (the limit for a policy directory read from the base commit)");
                    }
                    out.put(p, sub.getObjectId(0).getName());
                }
            }
        } catch (IOException e) {
            throw InputException.at(dir, "cannot read " + dir + " at " + ref + ": " + e.getMessage());
        }
        return out;
    }

    /**
     * The git blob id of {@code content} ({@code git hash-object}): a file of the working tree has the
     * same content as a blob of the ref exactly when the ids are equal, without reading the blob.
     */
    public static String blobId(byte[] content) {
        return new org.eclipse.jgit.lib.ObjectInserter.Formatter().idFor(org.eclipse.jgit.lib.Constants.OBJ_BLOB, content).getName();
    }

    /** A blob's bytes (by its id, as {@link #files} gives it), refusing one over {@code limit} bytes before loading it. */
    public byte[] blob(String id, String path, long limit) {
        return blobBytes(repo, ObjectId.fromString(id), path + "@" + ref, limit);
    }

    /**
     * The one way a blob of a commit is read, for every git reader: its size is checked against
     * {@code limit} before anything is loaded, so a huge blob in a commit is an input error naming it,
     * never an out-of-memory.
     */
    static byte[] blobBytes(Repository repo, ObjectId id, String display, long limit) {
        try {
            ObjectLoader loader = repo.open(id, org.eclipse.jgit.lib.Constants.OBJ_BLOB);
            if (loader.getSize() > limit) {
                throw InputException.at(display, "is " + loader.getSize() + " bytes, over the " + limit
                        + "-byte limit for this kind of file; not read");
            }
            return loader.getCachedBytes(Math.toIntExact(limit));
        } catch (IOException | org.eclipse.jgit.errors.LargeObjectException e) {
            throw InputException.at(display, "cannot read: " + e.getMessage());
        }
    }

    /** A regular file's text at a commit, null when absent; other entries (a link, a submodule) are input errors. */
    static String fileText(Repository repo, RevCommit commit, String path, String display) {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
            if (tw == null) return null;
            org.eclipse.jgit.lib.FileMode mode = tw.getFileMode(0);
            if (mode != org.eclipse.jgit.lib.FileMode.REGULAR_FILE && mode != org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE) {
                throw InputException.at(display, "is not a regular file in that commit (a symbolic link, a directory or a submodule)");
            }
            InputFiles.Kind kind = InputFiles.Kind.guess(java.nio.file.Path.of(path));
            return InputFiles.decode(blobBytes(repo, tw.getObjectId(0), display, kind.limit()), display);
        } catch (IOException e) {
            throw InputException.at(display, "cannot read: " + e.getMessage());
        }
    }

    /** The repository's work tree (its top folder). */
    public Path workTree() {
        return repo.getWorkTree().toPath();
    }

    /** {@code dir} relative to the repository's work tree ("" for the top), forward slashes. */
    public String relative(Path dir) {
        Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        Path d = dir.toAbsolutePath().normalize();
        String rel = top.relativize(d).toString().replace('\\', '/');
        return rel.isEmpty() ? "" : rel + "/";
    }

    @Override
    public void close() {
        repo.close();
    }
}
