package dev.tollgate.inputs.git;

import dev.tollgate.inputs.io.InputException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The one place {@code --base} and {@code --head} become commits. A ref resolves only where git's own
 * {@code git rev-parse --verify REF^{commit}} would give the same commit; anything else is an input
 * error (exit 2), never a guess.
 *
 * <p>JGit's resolver differs from git's in ways that matter to a gate: {@code HEAD@{upstream}} with no
 * upstream configured resolves to HEAD (git refuses it), so a new vulnerability would look
 * pre-existing. So the {@code @{...}} forms other than a reflog index ({@code main@{1}}) are refused
 * here with the reason, and so are the forms JGit does not know ({@code :/text}, dates), which it
 * would answer with nothing. Branches, tags, ids (full or unambiguous abbreviations), {@code ~N},
 * {@code ^N}, {@code ^{}} and {@code @} (git's HEAD) resolve as in git.
 */
public final class GitRefs {
    /** {@code @{...}} whose content is not a reflog index: upstream, push, -N, a date. */
    private static final Pattern AT_BRACE = Pattern.compile("@\\{(?!\\d+\\})[^}]*\\}");

    private GitRefs() {
    }

    /**
     * A short name that more than one ref spells ({@code origin/main} as a tag and as a remote branch):
     * git picks one by a fixed order and only warns, so whoever may push a tag could choose the base.
     * Here it is an input error; the full name ({@code refs/remotes/origin/main}) says which.
     */
    static void refuseAmbiguous(Repository repo, String spec, String option, String display) {
        int end = spec.length();
        for (char c : new char[] {'~', '^', ':', '@'}) {
            int i = spec.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        String name = spec.substring(0, end);
        if (name.isEmpty() || name.equals("HEAD") || name.startsWith("refs/")) return;
        java.util.List<String> found = new java.util.ArrayList<>();
        try {
            for (String prefix : java.util.List.of("refs/", "refs/tags/", "refs/heads/", "refs/remotes/")) {
                if (repo.exactRef(prefix + name) != null) found.add(prefix + name);
            }
        } catch (IOException e) {
            throw InputException.at(display, option + " `" + spec + "`: cannot read the repository's refs: " + e.getMessage());
        }
        if (found.size() > 1) {
            throw InputException.at(display, option + " `" + spec + "` is ambiguous: " + String.join(" and ", found)
                    + " both match; give the full name (for example " + found.get(found.size() - 1) + ")");
        }
    }

    /**
     * @param display  the repository as error lines name it
     * @param option   {@code --base} or {@code --head}
     * @param shallow  whether the clone is shallow (for the hint)
     */
    public static ObjectId resolve(Repository repo, String ref, String option, String display, boolean shallow) {
        if (ref == null || ref.isBlank()) throw GitHistory.unknownRef(display, option, ref, shallow);
        if (ref.startsWith("-")) {
            throw InputException.at(display, option + " `" + ref + "` looks like an option, not a git ref");
        }
        if (AT_BRACE.matcher(ref).find()) {
            throw InputException.at(display, option + " `" + ref + "`: the @{...} forms other than a reflog index (@{upstream}, "
                    + "@{push}, @{-N}, dates) are not accepted; name the branch or commit (for example origin/main)");
        }
        String spec = ref.equals("@") ? "HEAD" : ref.startsWith("@") && !ref.startsWith("@{") ? "HEAD" + ref.substring(1) : ref;
        refuseAmbiguous(repo, spec, option, display);
        ObjectId id;
        try {
            id = repo.resolve(spec + "^{commit}");
        } catch (org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw InputException.at(display, option + " `" + ref + "` is an ambiguous abbreviated commit id; give more digits");
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw InputException.at(display, option + " `" + ref + "` names a git object that is not a commit");
        } catch (IOException | RuntimeException e) {
            throw InputException.at(display, option + " `" + ref + "` is not a valid git ref"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (id == null) throw GitHistory.unknownRef(display, option, ref, shallow);
        return id;
    }
}
