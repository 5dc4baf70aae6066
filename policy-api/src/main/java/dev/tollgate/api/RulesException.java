package dev.tollgate.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules that cannot be used: a DRL file that does not compile, a missing rules directory, an
 * invalid code declaration. Carries every problem found, each as {@code FILE:LINE:COLUMN: message}.
 */
public class RulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /**
     * Rules that cannot be used; the message is every problem, one a line.
     *
     * @param problems every problem found, in the order found (at least one)
     */
    public RulesException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems found.
     *
     * @return every problem, in the order found; unmodifiable
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem in a rule file, shown as {@code FILE:LINE:COLUMN: message} (the position as far as known).
     *
     * @param file    the rule file as named to the user (e.g. {@code rules/sources.drl}); null when the
     *                problem is in no one file (shown as {@code (rules)})
     * @param line    1-based; 0 when unknown
     * @param column  1-based; 0 when unknown
     * @param message what is wrong
     */
    public record Problem(String file, int line, int column, String message) {
        /**
         * A problem.
         *
         * @param file    the rule file; null when the problem is in no one file
         * @param line    1-based; 0 when unknown
         * @param column  1-based; 0 when unknown
         * @param message what is wrong
         * @throws NullPointerException {@code message} is null
         */
        public Problem {
            java.util.Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(file == null ? "(rules)" : file);
            if (line > 0) {
                s.append(':').append(line);
                if (column > 0) s.append(':').append(column);
            }
            return s.append(": ").append(message).toString();
        }
    }
}
