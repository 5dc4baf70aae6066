package dev.tollgate.api;

/**
 * An input that cannot be read: a missing file, malformed TOML / JSON / YAML, a value of the wrong
 * shape. The message is one line, {@code FILE:LINE:COLUMN: what is wrong} (the command line prints it
 * and exits 2). Thrown by {@link PolicyEngine#check(CheckRequest)}.
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
