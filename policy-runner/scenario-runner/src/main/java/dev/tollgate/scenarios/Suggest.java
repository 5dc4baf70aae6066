package dev.tollgate.scenarios;

import java.util.Collection;

/** "did you mean" for misspelt names in scenario files (the project's one edit distance, a looser limit). */
final class Suggest {
    private Suggest() {
    }

    static String suffix(String wrong, Collection<String> known) {
        return dev.tollgate.api.Suggest.closest(wrong, known, Math.max(2, wrong.length() / 3))
                .map(best -> "; did you mean `" + best + "`?").orElse("");
    }
}
