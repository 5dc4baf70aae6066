package dev.tollgate.scenarios;

/**
 * Parses a one-line text into a value of one fact type, for scenario shorthand: a {@code source}
 * written as Cargo.lock writes it ({@code git+https://github.com/org/repo?rev=abc#abc}) instead of
 * every field of {@code Source}. Implementations are found with {@link java.util.ServiceLoader}
 * (policy-rules registers the Cargo ones), so the scenario format grows without changes here.
 */
public interface ValueParser {
    /** The type this parser produces. */
    Class<?> type();

    /** Parses the text; throws IllegalArgumentException with a reason when it cannot. */
    Object parse(String text);

    /** The value a fact gets when the scenario leaves this type out, or null for "build it from field defaults". */
    default Object defaultValue() {
        return null;
    }
}
