package dev.tollgate.api;

/**
 * The evaluation ended without a verdict: a rule did not return within the wall-clock budget (it
 * cannot be stopped), or the rules exhausted the memory. Neither pass nor fail can be claimed, so
 * the command line exits 2 with this message.
 */
public class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An evaluation that ended without a verdict.
     *
     * @param message one line saying why, e.g. which rule did not return within the budget
     * @throws NullPointerException {@code message} is null
     */
    public EvaluationException(String message) {
        super(java.util.Objects.requireNonNull(message, "message"));
    }
}
