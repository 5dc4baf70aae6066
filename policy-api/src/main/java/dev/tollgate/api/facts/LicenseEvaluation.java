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
    public LicenseEvaluation {
        rejected = List.copyOf(rejected);
        allowed = List.copyOf(allowed);
    }

    /** Some rejected term is a copyleft license. */
    public boolean isCopyleft() {
        for (LicenseReq r : rejected) if (r.copyleft()) return true;
        return false;
    }
}
