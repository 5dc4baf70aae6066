package dev.tollgate.scenarios;

/** A scenario file that cannot be used, as {@code FILE:LINE:COLUMN: message} (exit 2 on the command line). */
public class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;

    public ScenarioException(String file, int line, int column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** {@code FILE:LINE:COLUMN: message}. */
    public String located() {
        StringBuilder s = new StringBuilder(file == null ? "(scenario)" : file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) s.append(':').append(column);
        }
        return s.append(": ").append(getMessage()).toString();
    }
}
