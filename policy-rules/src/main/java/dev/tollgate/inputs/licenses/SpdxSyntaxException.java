package dev.tollgate.inputs.licenses;

/**
 * An SPDX expression that does not parse: what is wrong and where. {@link #offset()} is the
 * 0-based character offset in the expression text; {@link #column()} the 1-based column.
 * The only exception {@link SpdxParser} throws.
 */
public final class SpdxSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;
    private final String reason;

    SpdxSyntaxException(int offset, String reason) {
        super("column " + (offset + 1) + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    public int offset() {
        return offset;
    }

    public int column() {
        return offset + 1;
    }

    public String reason() {
        return reason;
    }
}
