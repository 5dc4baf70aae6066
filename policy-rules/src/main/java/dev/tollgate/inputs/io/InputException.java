package dev.tollgate.inputs.io;

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

    /**
     * Why a file operation failed, in words: NIO's exceptions often carry only the path ("/x/y.json"),
     * which the line already names.
     */
    public static String reason(java.io.IOException e) {
        return dev.tollgate.api.InputError.reason(e);
    }

    private static final java.util.regex.Pattern JACKSON_SOURCE = java.util.regex.Pattern.compile(
            "\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    /**
     * A Jackson parser's message for a user: its original message with any embedded location
     * ("start marker at [Source: REDACTED (...); line: 1, column: 14]") as "line 1, column 14". The
     * error's own position goes in the line's {@code FILE:LINE:COLUMN} prefix.
     */
    public static String parserMessage(com.fasterxml.jackson.core.JacksonException e) {
        String m = e.getOriginalMessage();
        return m == null ? e.getClass().getSimpleName() : JACKSON_SOURCE.matcher(m).replaceAll("line $1, column $2");
    }
}
