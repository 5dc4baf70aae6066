/**
 * Plans: what the plan rules derived, read from a {@code PolicyEngine.Derivation} and rendered for
 * {@code plan affected} ({@link dev.tollgate.plans.AffectedPlan}), {@code plan release}
 * ({@link dev.tollgate.plans.ReleasePlan}, the versions plan) and {@code plan release --format matrix}
 * ({@link dev.tollgate.plans.ReleaseJobsPlan}, the releasejobs plan). One JSON writer,
 * {@link dev.tollgate.plans.PlanJson}, writes all three. Plans read facts from {@code inputs} and
 * {@code api}; only the runner uses them (an ArchUnit test).
 */
package dev.tollgate.plans;
