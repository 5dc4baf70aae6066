package dev.tollgate.inputs.git;

import dev.tollgate.api.facts.Commit;
import dev.tollgate.api.facts.Tag;
import dev.tollgate.inputs.io.InputException;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A repository's history read with JGit: the commits of a range, its tags, the content of a file at
 * any commit. Every problem (not a repository, an unknown ref, a shallow clone that lacks the
 * history asked for) is an {@link InputException}: one line, exit 2, never a wrong answer.
 */
public final class GitHistory implements AutoCloseable {
    /** What to do in CI when the history is cut off. */
    static final String SHALLOW_FIX = "fetch the full history: actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`";

    private final Repository repo;
    private final String display;
    private final Set<ObjectId> shallow;

    private GitHistory(Repository repo, String display, Set<ObjectId> shallow) {
        this.repo = repo;
        this.display = display;
        this.shallow = shallow;
    }

    /** Opens the repository whose work tree (or .git directory) is {@code dir}. */
    public static GitHistory open(Path dir) {
        String display = dir.toString();
        if (!Files.isDirectory(dir)) throw InputException.at(display, "repository directory not found");
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        Path dotGit = dir.resolve(".git");
        if (Files.exists(dotGit)) builder.findGitDir(dir.toFile());
        else if (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))) builder.setGitDir(dir.toFile());
        else throw InputException.at(display, "not a git repository (no .git here); run Tollgate at the repository root, or pass --repo");
        try {
            Repository repo = builder.build();
            return new GitHistory(repo, display, readShallow(repo));
        } catch (IOException | RuntimeException e) {
            throw InputException.at(display, "cannot open the git repository: " + e.getMessage());
        }
    }

    private static Set<ObjectId> readShallow(Repository repo) throws IOException {
        Path file = repo.getDirectory().toPath().resolve("shallow");
        Set<ObjectId> ids = new HashSet<>();
        if (!Files.isRegularFile(file)) return ids;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            line = line.trim();
            if (ObjectId.isId(line)) ids.add(ObjectId.fromString(line));
        }
        return ids;
    }

    /** Whether this is a shallow clone (CI's default {@code fetch-depth: 1}). */
    public boolean isShallow() {
        return !shallow.isEmpty();
    }

    /**
     * Resolves {@code ref} (a branch, tag, {@code HEAD~2}, an id) to a commit.
     *
     * @param option the option that named it ({@code --base}), for the error line
     */
    public ObjectId resolve(String ref, String option) {
        return GitRefs.resolve(repo, ref, option, display, isShallow());
    }

    /**
     * The error for a ref that resolves to no commit, in the same words from every command that
     * takes {@code --base}/{@code --head}: {@code DIR: --base `X`: no such commit, branch or tag in this
     * repository}, with the likely fix (a shallow clone's, or CI's {@code origin/} prefix).
     */
    public static InputException unknownRef(String display, String option, String ref, boolean shallowClone) {
        String why = option + " " + (ref == null ? "(empty)" : "`" + ref + "`") + ": no such commit, branch or tag in this repository";
        if (shallowClone) why += "; this is a shallow clone, so " + SHALLOW_FIX;
        else if (option.equals("--base") && ref != null && ref.matches("[A-Za-z0-9._-]+") && !ref.equals("HEAD")) why += " (in CI, a base branch is usually `origin/" + ref + "`)";
        return InputException.at(display, why);
    }

    /**
     * The commits reachable from {@code head} and not from {@code base} (git's {@code base..head}),
     * newest first. {@code base} null means the whole history.
     *
     * @param firstParent follow only first parents (the mainline of a merge-based history)
     * @param withPaths   compute each commit's changed paths (costs a tree diff per commit)
     */
    public List<Commit> commits(String base, String head, boolean firstParent, boolean withPaths) {
        ObjectId headId = resolve(head == null ? Constants.HEAD : head, "--head");
        ObjectId baseId = base == null ? null : resolve(base, "--base");
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setFirstParent(firstParent);
            walk.setRevFilter(RevFilter.ALL);
            RevCommit start = walk.parseCommit(headId);
            walk.markStart(start);
            if (baseId != null) walk.markUninteresting(walk.parseCommit(baseId));
            List<Commit> out = new ArrayList<>();
            for (RevCommit c : walk) {
                if (shallow.contains(c.getId()) && (baseId == null || !c.getId().equals(baseId))) {
                    throw InputException.at(display, "shallow clone: the history stops at " + c.getId().abbreviate(10).name()
                            + (baseId == null ? "" : " before reaching --base " + base)
                            + ", so the commits in the range cannot be known; " + SHALLOW_FIX);
                }
                out.add(toCommit(walk, c, withPaths));
            }
            return out;
        } catch (MissingObjectException e) {
            throw InputException.at(display, "the history is incomplete (missing object " + e.getObjectId().abbreviate(10).name()
                    + ")" + (isShallow() ? "; " + SHALLOW_FIX : ""));
        } catch (IOException e) {
            throw InputException.at(display, "cannot read the git history: " + e.getMessage());
        }
    }

    private Commit toCommit(RevWalk walk, RevCommit c, boolean withPaths) throws IOException {
        List<String> parents = new ArrayList<>(c.getParentCount());
        for (RevCommit p : c.getParents()) parents.add(p.getId().name());
        Decoded message = decode(c.getRawBuffer(), c.getEncoding());
        List<String> paths = withPaths ? changedPaths(walk, c) : List.of();
        return new Commit(c.getId().name(), parents, date(c.getAuthorIdent()), message.text(), paths, message.problem());
    }

    /** Paths changed against the first parent; a rename is its old path (deleted) and its new path (added). */
    private List<String> changedPaths(RevWalk walk, RevCommit c) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        try (ObjectReader reader = repo.newObjectReader(); TreeWalk tw = new TreeWalk(reader)) {
            tw.setRecursive(true);
            if (c.getParentCount() == 0 || shallow.contains(c.getId())) {
                tw.addTree(new EmptyTreeIterator());
            } else {
                RevCommit parent = walk.parseCommit(c.getParent(0));
                tw.addTree(new CanonicalTreeParser(null, reader, parent.getTree()));
            }
            tw.addTree(new CanonicalTreeParser(null, reader, c.getTree()));
            tw.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
            while (tw.next()) paths.add(tw.getPathString());
        }
        return List.copyOf(paths);
    }

    /** A commit message: the bytes after the header, decoded strictly, with what was wrong. */
    record Decoded(String text, String problem) {
    }

    static Decoded decode(byte[] raw, Charset declared) {
        int start = messageStart(raw);
        byte[] body = java.util.Arrays.copyOfRange(raw, start, raw.length);
        Charset cs = declared == null ? StandardCharsets.UTF_8 : declared;
        String problem = "";
        String text;
        try {
            text = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            problem = "encoding";
            text = new String(body, cs);
        }
        if (text.indexOf('\0') >= 0) {
            problem = problem.isEmpty() ? "nul" : problem;
            text = text.replace('\0', '\uFFFD');
        }
        return new Decoded(text, problem);
    }

    /** Index of the first byte after the commit headers' blank line. */
    private static int messageStart(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') return i + 2;
        }
        return raw.length;
    }

    private static String date(PersonIdent who) {
        return OffsetDateTime.ofInstant(who.getWhenAsInstant(), who.getZoneId()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Every tag that peels to a commit, sorted by name. */
    public List<Tag> tags() {
        List<Tag> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                RevObject o;
                try {
                    o = walk.parseAny(ref.getObjectId());
                } catch (MissingObjectException e) {
                    continue;
                }
                String date = null;
                if (o instanceof RevTag t) {
                    PersonIdent tagger = t.getTaggerIdent();
                    if (tagger != null) date = date(tagger);
                }
                o = walk.peel(o);
                if (!(o instanceof RevCommit c)) continue;
                walk.parseHeaders(c);
                if (date == null) date = date(c.getAuthorIdent());
                out.add(new Tag(ref.getName().substring(Constants.R_TAGS.length()), c.getId().name(), date));
            }
        } catch (IOException e) {
            throw InputException.at(display, "cannot read the tags: " + e.getMessage());
        }
        out.sort(java.util.Comparator.comparing(Tag::name));
        return out;
    }

    /** The content of {@code path} at commit {@code ref}, or empty when the commit has no such file. */
    public Optional<byte[]> readFile(String ref, String path) {
        ObjectId id = resolve(ref, "ref");
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(id);
            try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
                if (tw == null || (tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB)) return Optional.empty();
                return Optional.of(GitTree.blobBytes(repo, tw.getObjectId(0), path + "@" + ref,
                        dev.tollgate.inputs.io.InputFiles.Kind.guess(java.nio.file.Path.of(path)).limit()));
            }
        } catch (IOException e) {
            throw InputException.at(display, "cannot read " + path + " at " + ref + ": " + e.getMessage());
        }
    }

    /** The author date of a commit (ISO-8601 with offset). */
    public String date(String commit) {
        try (RevWalk walk = new RevWalk(repo)) {
            return date(walk.parseCommit(ObjectId.fromString(commit)).getAuthorIdent());
        } catch (IOException | IllegalArgumentException e) {
            throw InputException.at(display, "cannot read commit " + commit + ": " + e.getMessage());
        }
    }

    /** Whether {@code ancestor} is reachable from {@code descendant}. */
    public boolean isAncestor(String ancestor, String descendant) {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(ancestor)), walk.parseCommit(ObjectId.fromString(descendant)));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
