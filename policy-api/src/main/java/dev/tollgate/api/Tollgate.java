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

    /**
     * Builds an engine: loads the compiled shipped rules and compiles (or reads from the cache) the custom
     * ones. About 0.3 s cold for the shipped rules; build one and reuse it.
     *
     * @param options which rules to load ({@link EngineOptions#bundled()} for the shipped ones)
     * @return the engine of the first {@link PolicyEngineProvider} on the class path
     * @throws NullPointerException  {@code options} is null
     * @throws IllegalStateException no provider is on the class path (policy-rules is missing)
     * @throws RulesException        the rules cannot be used: a rules directory is missing, a file does not
     *                               compile, a code is declared badly, or a custom file clashes with a shipped one
     */
    public static PolicyEngine engine(EngineOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        for (PolicyEngineProvider provider : ServiceLoader.load(PolicyEngineProvider.class)) {
            return provider.create(options);
        }
        throw new IllegalStateException("no PolicyEngineProvider on the class path: add dev.tollgate:policy-rules");
    }

    /** Implemented by policy-rules; registered in {@code META-INF/services}. */
    public interface PolicyEngineProvider {
        /**
         * Builds an engine, as {@link Tollgate#engine} describes.
         *
         * @param options which rules to load; never null
         * @return the engine
         * @throws RulesException the rules cannot be used
         */
        PolicyEngine create(EngineOptions options);
    }
}
