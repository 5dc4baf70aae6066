package dev.tollgate.engine;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;

/** Registers {@link DroolsPolicyEngine} for {@link Tollgate#engine}. */
public final class DroolsEngineProvider implements Tollgate.PolicyEngineProvider {
    @Override
    public PolicyEngine create(EngineOptions options) {
        return DroolsPolicyEngine.create(options);
    }

    @Override
    public String description() {
        return "Drools " + BuildInfo.droolsVersion();
    }
}
