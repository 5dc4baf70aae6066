package dev.tollgate.inputs.git;

import dev.tollgate.inputs.io.InputException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The files changed between two refs of a git repository, read with JGit: the paths whose content
 * or mode differs between the merge base of {@code base} and {@code head} and {@code head} (what a
 * pull request changes, like {@code git diff base...head}). A rename is the old path and the new
 * path. Also reads one file as of a ref (the lockfile at the base).
 *
 * <p>A ref that does not resolve is an input error naming the option; in a shallow clone the message
 * says to fetch the history ({@code fetch-depth: 0}), since the ref may only be missing from it.
 */
public final class ChangedFiles implements Closeable {
    private final Repository repo;
    private final String display;

    private ChangedFiles(Repository repo, String display) {
        this.repo = repo;
        this.display = display;
    }

    /** Opens the repository at (or above) {@code dir}. */
    public static ChangedFiles open(Path dir) {
        try {
            FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toAbsolutePath().toFile());
            if (b.getGitDir() == null) throw InputException.at(dir.toString(), "not a git repository (needed for --base)");
            return new ChangedFiles(b.setMustExist(true).build(), dir.toString());
        } catch (IOException e) {
            throw InputException.at(dir.toString(), "cannot open the git repository: " + e.getMessage());
        }
    }

    /** The sorted repository-relative paths changed from the merge base of base and head to head. */
    public List<String> between(String base, String head) {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit h = walk.parseCommit(resolve(head == null ? Constants.HEAD : head, head == null ? "HEAD" : "--head"));
            RevCommit b = walk.parseCommit(resolve(base, "--base"));
            walk.reset();
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(h));
            walk.markStart(walk.parseCommit(b));
            RevCommit mergeBase = walk.next();
            RevCommit from = mergeBase != null ? mergeBase : b;
            return diff(from.getTree(), h.getTree());
        } catch (MissingObjectException e) {
            throw InputException.at(display, "--base: git object " + e.getObjectId().name() + " is missing" + shallowHint());
        } catch (IOException e) {
            throw InputException.at(display, "cannot read git history: " + e.getMessage());
        }
    }

    /** The paths a single commit changed against its first parent (all its paths for a root commit). */
    public List<String> ofCommit(String ref) {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(resolve(ref, "commit"));
            if (c.getParentCount() == 0) return diff(null, c.getTree());
            return diff(walk.parseCommit(c.getParent(0)).getTree(), c.getTree());
        } catch (IOException e) {
            throw InputException.at(display, "cannot read git history: " + e.getMessage());
        }
    }

    private List<String> diff(ObjectId fromTree, ObjectId toTree) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.setRecursive(true);
            if (fromTree == null) {
                tw.addTree(new EmptyTreeIterator());
            } else {
                tw.addTree(fromTree);
            }
            tw.addTree(toTree);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) paths.add(tw.getPathString());
        }
        return List.copyOf(paths);
    }

    /** The text of {@code path} as of {@code ref}, or null when the file does not exist there. */
    public String fileAt(String ref, String path) {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(resolve(ref, "--base"));
            return GitTree.fileText(repo, c, path, path + "@" + ref);
        } catch (IOException e) {
            throw InputException.at(display, "cannot read " + path + " at " + ref + ": " + e.getMessage());
        }
    }

    /** The nearest tag reachable from {@code head} ({@code git describe --tags --abbrev=0}), or null. */
    public String nearestTag(String head) {
        try (Git git = new Git(repo)) {
            String d = git.describe().setTags(true).setTarget(resolve(head == null ? Constants.HEAD : head, "--head"))
                    .setAbbrev(0).call();
            return d;
        } catch (GitAPIException | IOException e) {
            throw InputException.at(display, "cannot find the last release tag: " + e.getMessage());
        }
    }

    private ObjectId resolve(String ref, String option) {
        return GitRefs.resolve(repo, ref, option, display, shallow());
    }

    private boolean shallow() {
        try {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            return false;   // no readable shallow file: not shallow
        }
    }

    private String shallowHint() {
        return shallow() ? "; this is a shallow clone, so the ref may lie outside the fetched history"
                + " (fetch the full history: actions/checkout with fetch-depth: 0)" : "";
    }

    @Override
    public void close() {
        repo.close();
    }

}
