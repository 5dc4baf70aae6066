package dev.tollgate.api;

/**
 * An input that cannot be read: a missing file, malformed TOML / JSON / YAML, a value of the wrong
 * shape. The message is one line, {@code FILE:LINE:COLUMN: what is wrong} (the command line prints it
 * and exits 2). Thrown by {@link PolicyEngine#check(CheckRequest)}.
 */
public class InputError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public InputError(String file, int line, int column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
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

    /** The file, relative to the repository root where it is inside it; null when none applies. */
    public String file() {
        return file;
    }

    /** 1-based; 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based; 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
