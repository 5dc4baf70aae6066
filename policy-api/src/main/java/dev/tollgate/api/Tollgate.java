package dev.tollgate.api;

import java.util.ServiceLoader;

/**
 * Entry point for embedding: {@code PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());}.
 * The implementation (policy-rules, Drools) is found with {@link ServiceLoader}, so this API module
 * depends on the JDK only.
 */
public final class Tollgate {
    private Tollgate() {
    }

    public static PolicyEngine engine(EngineOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        for (PolicyEngineProvider provider : ServiceLoader.load(PolicyEngineProvider.class)) {
            return provider.create(options);
        }
        throw new IllegalStateException("no PolicyEngineProvider on the class path: add dev.tollgate:policy-rules");
    }

    /** Implemented by policy-rules; registered in {@code META-INF/services}. */
    public interface PolicyEngineProvider {
        PolicyEngine create(EngineOptions options);
    }
}
