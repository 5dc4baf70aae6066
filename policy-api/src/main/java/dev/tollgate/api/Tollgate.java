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
     * ones. Build one and reuse it (docs/embedding.md gives the measured cost).
     *
     * <p>The implementation is found with {@link ServiceLoader}: first through the class loader that loaded
     * this API, then through the calling thread's context class loader (so policy-rules is found beside
     * policy-api in a plugin container whose context loader does not see the plugin's jars, and in an
     * application whose context loader does).
     *
     * @param options which rules to load ({@link EngineOptions#bundled()} for the shipped ones)
     * @return the engine of the first {@link PolicyEngineProvider} found
     * @throws NullPointerException  {@code options} is null
     * @throws IllegalStateException no provider is found (policy-rules is missing), or one cannot be loaded
     *                               (its message names the provider and why)
     * @throws RulesException        the rules cannot be used: a rules directory is missing, a file does not
     *                               compile, a code is declared badly, or a custom file clashes with a shipped one
     */
    public static PolicyEngine engine(EngineOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        PolicyEngineProvider provider = provider(Tollgate.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (provider == null && context != null && context != Tollgate.class.getClassLoader()) provider = provider(context);
        if (provider == null) {
            throw new IllegalStateException("no PolicyEngineProvider found through the class loader of policy-api or the thread's "
                    + "context class loader: add dev.tollgate:policy-rules beside dev.tollgate:policy-api");
        }
        return provider.create(options);
    }

    /** The first provider {@code loader} finds, or null; a provider that fails to load is an {@link IllegalStateException}. */
    private static PolicyEngineProvider provider(ClassLoader loader) {
        try {
            java.util.Iterator<PolicyEngineProvider> it = ServiceLoader.load(PolicyEngineProvider.class, loader).iterator();
            return it.hasNext() ? it.next() : null;
        } catch (java.util.ServiceConfigurationError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot load the Tollgate engine (" + e.getMessage() + "): " + cause, e);
        }
    }

    /**
     * The version of this library, as {@code tollgate --version} and the JSON report ({@link VerdictJson}) name it.
     *
     * @return e.g. {@code 0.1.0}; {@code dev} when the build did not stamp one
     */
    public static String version() {
        return VERSION;
    }

    private static final String VERSION = readVersion();

    /**
     * What evaluates the rules of the engines {@link #engine} builds, as {@code tollgate --version} shows it.
     *
     * @return e.g. {@code Drools 10.2.0}; {@code none} when no engine is on the class path (see {@link #engine})
     */
    public static String engineDescription() {
        PolicyEngineProvider provider = provider(Tollgate.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (provider == null && context != null && context != Tollgate.class.getClassLoader()) provider = provider(context);
        return provider == null ? "none" : provider.description();
    }

    private static String readVersion() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Tollgate.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        } catch (java.io.IOException e) {
            return "dev";
        }
        String v = p.getProperty("tollgate.version", "dev");
        return v.startsWith("${") ? "dev" : v;
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

        /**
         * What evaluates the rules, for {@code tollgate --version} ({@link Tollgate#engineDescription}).
         *
         * @return a short description, e.g. {@code Drools 10.2.0}; the default is {@code unknown}
         */
        default String description() {
            return "unknown";
        }
    }
}
