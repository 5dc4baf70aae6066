package dev.tollgate.inputs.advisories;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/** The HEAD commit of a database that is a git repository (kept apart so JGit loads only when needed). */
final class GitDbInfo {
    private GitDbInfo() {
    }

    record Head(String commit, String date) {
    }

    /** HEAD's id and its committer date (UTC, ISO), or null when there is no commit. */
    static Head head(Path dir) {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).setMustExist(true).build();
             RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve("HEAD");
            if (id == null) return null;
            RevCommit c = walk.parseCommit(id);
            String date = Instant.ofEpochSecond(c.getCommitTime()).atZone(ZoneOffset.UTC).toLocalDate().toString();
            return new Head(id.name(), date);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
