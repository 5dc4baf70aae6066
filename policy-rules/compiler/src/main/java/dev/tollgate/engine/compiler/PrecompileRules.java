package dev.tollgate.engine.compiler;

import dev.tollgate.api.RulesException;
import dev.tollgate.engine.BuildInfo;
import dev.tollgate.engine.LintIndex;
import dev.tollgate.engine.RuleCheck;
import dev.tollgate.engine.RuleFile;
import dev.tollgate.engine.RulesIndex;
import dev.tollgate.engine.compiler.RuleCompiler.Compiled;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Build step (run by Maven in policy-rules' {@code process-classes} phase): compiles the shipped
 * {@code rules/*.drl} into executable-model classes inside the module's output directory, writes
 * the index, and copies the DRL sources beside them. A compile error fails the build with
 * {@code FILE:LINE:COLUMN} lines.
 *
 * <p>Usage: {@code PrecompileRules RULES_DIR OUTPUT_CLASSES_DIR}
 */
public final class PrecompileRules {
    private PrecompileRules() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PrecompileRules RULES_DIR OUTPUT_CLASSES_DIR");
            System.exit(2);
        }
        Path rulesDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<RuleFile> files = RuleFile.readDir(rulesDir);
        Compiled compiled;
        try {
            compiled = RuleCompiler.compile(files);
        } catch (RulesException e) {
            for (RulesException.Problem p : e.problems()) System.err.println("tollgate: " + p);
            System.exit(1);
            return;
        }
        for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
            Path file = out.resolve(c.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
        Path index = out.resolve(RulesIndex.BUNDLED_RESOURCE);
        Files.createDirectories(index.getParent());
        Files.writeString(index, new RulesIndex(BuildInfo.droolsVersion(), compiled.models()).write());
        Path drlDir = out.resolve(RulesIndex.BUNDLED_DRL_DIR);
        Files.createDirectories(drlDir);
        for (RuleFile f : files) Files.writeString(drlDir.resolve(f.name()), f.content());
        // What the lint reads of each file, in the order the lint reads the shipped files (the models').
        Map<String, RuleFile> byName = new java.util.HashMap<>();
        for (RuleFile f : files) byName.put(f.name(), f);
        List<RuleCheck.Parsed> parsed = new java.util.ArrayList<>();
        for (RulesIndex.ModelEntry m : compiled.models()) {
            RuleFile f = byName.get(m.file());
            parsed.add(RuleCheck.parse(new RuleFile(f.name(), RuleCheck.BUNDLED_PREFIX + f.name(), f.content())));
        }
        Files.write(out.resolve(LintIndex.RESOURCE), LintIndex.write(parsed));
    }
}
