package dev.tollgate.inputs;

/**
 * An input that cannot be read: a missing file, malformed TOML / JSON / YAML, a value of the wrong
 * shape. The runner prints {@link #getMessage()} as one line ({@code FILE:LINE:COLUMN: what}) and
 * exits with code 2. The extractors' name for the embedding API's {@link dev.tollgate.api.InputError},
 * which holds the position and formats the message.
 */
public class InputException extends dev.tollgate.api.InputError {
    private static final long serialVersionUID = 1L;

    public InputException(String file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public InputException(String file, int line, int column, String problem, Throwable cause) {
        super(file, line, column, problem, cause);
    }

    public static InputException at(String file, String problem) {
        return new InputException(file, 0, 0, problem);
    }
}
