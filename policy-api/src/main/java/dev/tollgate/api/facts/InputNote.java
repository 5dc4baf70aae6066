package dev.tollgate.api.facts;

/**
 * A note from fact extraction that a rule may turn into a finding: a policy skipped because its
 * inputs are absent, an input that could only be read in part.
 *
 * @param policy the policy concerned
 * @param kind   {@code skipped}, {@code partial}, or {@code missing} (an input the policy needs is gone: an error)
 * @param message one line for the finding
 * @param origin  the input concerned, or the file alone
 */
public record InputNote(String policy, String kind, String message, Location origin) {
}
