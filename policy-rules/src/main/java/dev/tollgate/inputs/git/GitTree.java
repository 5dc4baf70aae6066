package dev.tollgate.inputs.git;

import dev.tollgate.inputs.InputException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
            if (b.getGitDir() == null) throw InputException.at(dir.toString(), "--base needs a git repository, and this is not one");
            repo = b.setMustExist(true).build();
        } catch (IOException e) {
            throw InputException.at(dir.toString(), "cannot open the git repository: " + e.getMessage());
        }
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(ref + "^{commit}");
            if (id == null) {
                boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
                repo.close();
                throw GitHistory.unknownRef(dir.toString(), "--base", ref, shallow);
            }
            return new GitTree(repo, walk.parseCommit(id), ref);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) throw ie;
            repo.close();
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
     * when the file does not exist there.
     */
    public String read(String path) {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
            if (tw == null) return null;
            ObjectLoader loader = repo.open(tw.getObjectId(0));
            return new String(loader.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputException.at(path, "cannot read " + path + " at " + ref + ": " + e.getMessage());
        }
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
