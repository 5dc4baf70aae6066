package dev.tollgate.api;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for misspelt keys, codes, types and names: the one edit distance every reader of
 * Tollgate's inputs uses. Most mistakes in deny.toml are one or two edits away from the real key
 * ({@code allow-gits}, {@code unknown_git}, {@code skip_tree}); a suggestion further away than that
 * is more likely to mislead than help, so none is made.
 */
public final class Suggest {
    private Suggest() {
    }

    /**
     * The candidate nearest to {@code word}, if it is close enough to be what the user meant: within a
     * third of its length in edits, at least 1 and at most 3.
     *
     * @param word       what the user wrote, e.g. {@code allow-gits}
     * @param candidates the words that would have been right
     * @return the nearest candidate (the first of equally near ones); empty when none is close enough
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        return closest(word, candidates, Math.max(1, Math.min(3, word.length() / 3)));
    }

    /**
     * The candidate nearest to {@code word} (the first of equally near ones), within {@code limit} edits.
     *
     * @param word       what the user wrote
     * @param candidates the words that would have been right
     * @param limit      the most edits a suggestion may be away
     * @return the nearest candidate; empty when none is within {@code limit}
     */
    public static Optional<String> closest(String word, Collection<String> candidates, int limit) {
        java.util.Objects.requireNonNull(word, "word");
        java.util.Objects.requireNonNull(candidates, "candidates");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * Levenshtein distance, ignoring case: {@code Allow-Git} and {@code allow-git} are the same key to a reader.
     *
     * @param a one word
     * @param b another
     * @return the fewest single-character insertions, deletions and substitutions that make one the other
     */
    public static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) prev[j] = j;
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
