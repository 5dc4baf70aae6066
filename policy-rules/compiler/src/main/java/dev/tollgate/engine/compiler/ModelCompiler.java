package dev.tollgate.engine.compiler;

import dev.tollgate.engine.BuildInfo;
import dev.tollgate.engine.CustomRulesCompiler;
import dev.tollgate.engine.FactClassLoader;
import dev.tollgate.engine.RulesIndex;
import dev.tollgate.engine.RuleFile;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@link CustomRulesCompiler} of this artifact (registered in {@code META-INF/services}): compiles custom
 * rules into Drools' executable model once per content hash, cached under the cache directory
 * ({@link CompiledRulesCache}), with what a rule may call checked on the generated classes ({@link RuleSandbox}).
 */
public final class ModelCompiler implements CustomRulesCompiler {
    /** The instance {@link java.util.ServiceLoader} makes. */
    public ModelCompiler() {
    }

    @Override
    public Compiled compile(List<RuleFile> files, Path cacheDir, ClassLoader parent) {
        CompiledRulesCache.Entry entry = new CompiledRulesCache(cacheDir).load(files, parent);
        return new Compiled(entry.index(), entry.loader());
    }

    @Override
    public Compiled compile(List<RuleFile> files, FactClassLoader facts) {
        RuleCompiler.Compiled compiled = RuleCompiler.compile(files, facts);
        return new Compiled(new RulesIndex(BuildInfo.droolsVersion(), compiled.models()),
                new CompiledRulesCache.BytesClassLoader(compiled.classes(), facts));
    }
}
