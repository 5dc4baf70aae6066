package dev.tollgate.api.facts;

import java.util.List;

/**
 * A package's expression evaluated against the allow list and its exceptions
 * ({@link LicensesConfig#evaluate(PackageLicense)}); rules decide what to report.
 *
 * @param accepted  the expression holds
 * @param rejected  the terms nothing allows, distinct, in order
 * @param allowed   the allow entries and the package's exceptions, as evaluated
 */
public record LicenseEvaluation(boolean accepted, List<LicenseReq> rejected, List<LicenseReq> allowed) {
    /**
     * Copies {@code rejected} and {@code allowed} (the fact is immutable).
     *
     * @param accepted the expression holds
     * @param rejected the terms nothing allows, distinct, in order
     * @param allowed  the allow entries and the package's exceptions, as evaluated
     */
    public LicenseEvaluation {
        rejected = List.copyOf(rejected);
        allowed = List.copyOf(allowed);
    }

    /**
     * Some rejected term is a copyleft license.
     *
     * @return whether a term of {@code rejected} is flagged copyleft
     */
    public boolean isCopyleft() {
        for (LicenseReq r : rejected) if (r.copyleft()) return true;
        return false;
    }
}
