package dev.tollgate.inputs;

/**
 * An input that cannot be read: a missing file, malformed TOML / JSON / YAML, a value of the wrong
 * shape. The runner prints {@link #getMessage()} as one line ({@code FILE:LINE:COLUMN: what}) and
 * exits with code 2.
 */
public class InputException extends dev.tollgate.api.InputError {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public InputException(String file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public InputException(String file, int line, int column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public static InputException at(String file, String problem) {
        return new InputException(file, 0, 0, problem);
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

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }
    public String problem() { return problem; }
}
