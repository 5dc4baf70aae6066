package dev.tollgate.api;

/**
 * An input that cannot be read, so the check cannot give a verdict: a missing file, malformed TOML
 * (Cargo.lock, the manifests, deny.toml, tollgate.toml) or JSON ({@code cargo metadata}), a value of the
 * wrong shape, a file that is not a regular file or is past its size limit, a base ref that does not
 * resolve, an absent input of a policy named in {@link CheckRequest#withPolicies}, a repository with
 * nothing to check. The message is one line, {@code FILE:LINE:COLUMN: what is wrong} (the command line
 * prints it and exits 2). Thrown by {@link PolicyEngine#check(CheckRequest)} and
 * {@link PolicyEngine#facts(CheckRequest)}.
 *
 * <p>Some unreadable inputs are findings instead, because the rest of the repository can still be checked
 * and the finding fails the gate (an error, never a pass): a workflow, action or dependabot file under
 * {@code .github/} that is not valid YAML as GitHub reads it ({@code invalid-workflow}); an advisory file of
 * the database that does not parse ({@code malformed-advisory}); {@code cargo metadata} that fails for the
 * licenses policy ({@code licenses-unavailable}). docs/embedding.md lists them.
 */
public class InputError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The file; null when none applies. */
    private final String file;
    /** The 1-based line; 0 when unknown. */
    private final int line;
    /** The 1-based column; 0 when unknown. */
    private final int column;
    /** What is wrong, without the position. */
    private final String problem;

    /**
     * An input error; its message is {@code FILE:LINE:COLUMN: problem}, leaving out what is unknown
     * (just {@code problem} without a file).
     *
     * @param file    the file, relative to the repository root where it is inside it; null when none applies
     * @param line    1-based; 0 when unknown
     * @param column  1-based; 0 when unknown (and ignored without a line)
     * @param problem what is wrong, one line
     * @param cause   the parser's exception, or null
     * @throws NullPointerException {@code problem} is null
     */
    public InputError(String file, int line, int column, String problem, Throwable cause) {
        super(format(file, line, column, java.util.Objects.requireNonNull(problem, "problem")), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * Why a file operation failed, in words: NIO's exceptions often carry only the path ({@code /x/y.json}),
     * which an error's {@code FILE:} prefix already names.
     *
     * @param e the failure
     * @return e.g. {@code no such file or directory}, {@code permission denied}; the exception's message or
     *         class name when it says nothing more precise
     * @throws NullPointerException {@code e} is null
     */
    public static String reason(java.io.IOException e) {
        java.util.Objects.requireNonNull(e, "e");
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NotDirectoryException) return "not a directory";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String format(String file, int line, int column, String problem) {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
            if (line > 0) {
                s.append(':').append(line);
                if (column > 0) s.append(':').append(column);
            }
            s.append(": ");
        }
        return s.append(problem).toString();
    }

    /**
     * The file the error is in.
     *
     * @return the file, relative to the repository root where it is inside it (e.g. {@code Cargo.lock},
     *         {@code crates/app/Cargo.toml}); null when none applies
     */
    public String file() {
        return file;
    }

    /**
     * The line the error is at.
     *
     * @return 1-based; 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The column the error is at.
     *
     * @return 1-based; 0 when unknown
     */
    public int column() {
        return column;
    }

    /**
     * What is wrong.
     *
     * @return the message without the position
     */
    public String problem() {
        return problem;
    }
}
