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

    public RulesException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One problem in a rule file; line and column are 1-based, 0 when unknown. */
    public record Problem(String file, int line, int column, String message) {
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
