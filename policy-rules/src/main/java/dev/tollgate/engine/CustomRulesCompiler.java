package dev.tollgate.engine;

import dev.tollgate.api.RulesException;
import dev.tollgate.api.RulesException.Problem;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Compiles custom rule files ({@code --rules DIR}, {@code EngineOptions.withRuleDirs}) into executable-model
 * classes. The engine itself only loads compiled models: the shipped rules are compiled when policy-rules is
 * built, so an embedder of the bundled rules needs no DRL compiler. The compiler (Drools' model generator,
 * the DRL parser, JavaParser and ecj) is the separate artifact {@value #ARTIFACT}, found at run time with
 * {@link ServiceLoader} when custom rules are given.
 */
public interface CustomRulesCompiler {
    /** The Maven coordinates (groupId:artifactId) of the artifact that provides the compiler. */
    String ARTIFACT = "dev.tollgate:policy-rules-compiler";

    /** Compiled rules: the index of their models, and the class loader that defines their classes. */
    record Compiled(RulesIndex index, ClassLoader loader) {
    }

    /**
     * Compiles {@code files} (or loads their compiled form from the cache under {@code cacheDir}).
     *
     * @param parent the class loader of the fact and finding classes the rules use
     * @throws RulesException with every problem as {@code FILE:LINE:COLUMN: message}
     */
    Compiled compile(List<RuleFile> files, Path cacheDir, ClassLoader parent);

    /**
     * Compiles {@code files} against the embedder's fact classes ({@code EngineOptions.withFactClassLoader}) and
     * loads them through {@code facts}; never cached, since the rules depend on classes the cache key cannot include.
     *
     * @throws RulesException with every problem as {@code FILE:LINE:COLUMN: message}
     */
    Compiled compile(List<RuleFile> files, FactClassLoader facts);

    /**
     * The compiler on the class path: looked up through this interface's own class loader first, then the
     * thread's context class loader (plugin containers).
     *
     * @param files the custom rule files that need it, named in the error when there is no compiler
     * @throws RulesException naming the artifact to add when neither loader sees a compiler
     */
    static CustomRulesCompiler find(List<RuleFile> files) {
        ClassLoader own = CustomRulesCompiler.class.getClassLoader();
        CustomRulesCompiler found = first(own);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (found == null && context != null && context != own) found = first(context);
        if (found != null) return found;
        throw missing(files);
    }

    /** The first compiler {@code loader} provides, or null. */
    static CustomRulesCompiler first(ClassLoader loader) {
        try {
            Iterator<CustomRulesCompiler> it = ServiceLoader.load(CustomRulesCompiler.class, loader).iterator();
            return it.hasNext() ? it.next() : null;
        } catch (ServiceConfigurationError e) {
            return null;
        }
    }

    /** The error without a compiler: which artifact to add, at the first custom rule file. */
    static RulesException missing(List<RuleFile> files) {
        String where = files.isEmpty() ? "(rules)" : files.get(0).origin();
        String version = BuildInfo.tollgateVersion();
        return new RulesException(List.of(new Problem(where, 0, 0,
                "custom rules need the rule compiler, which is not on the class path: add the dependency "
                        + ARTIFACT + ":" + version + " (Maven: <groupId>dev.tollgate</groupId><artifactId>policy-rules-compiler</artifactId>"
                        + "<version>" + version + "</version>); the bundled rules need no compiler")));
    }
}
