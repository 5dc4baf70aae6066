package dev.tollgate.runner;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.inputs.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tollgate explain CODE}: what a finding code means, from its declaration in the rules. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print what a finding code means, its policy and default severity.")
final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CODE", description = "A finding code, e.g. unknown-git.")
    String code;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the .drl files in DIR (repeatable).")
    List<Path> rules = List.of();

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where compiled custom rules are cached.")
    Path cacheDir;

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PolicyEngine engine = Tollgate.engine(EngineOptions.bundled().withRuleDirs(rules).withCacheDir(cacheDir));
        FindingCode c = engine.code(code).orElse(null);
        if (c == null) {
            String near = Suggest.closest(code, engine.codes().stream().map(FindingCode::code).toList()).orElse("");
            throw new Cli.UsageException("unknown finding code `" + code + "`" + (near.isEmpty() ? "" : "; did you mean `" + near + "`?")
                    + " (codes: " + String.join(", ", engine.codes().stream().map(FindingCode::code).toList()) + ")");
        }
        var out = spec.commandLine().getOut();
        out.println(c.code() + " (policy " + c.policy() + ", default severity " + c.severity().word() + ")");
        out.println("  " + c.doc());
        if (c.rule() != null) out.println("  declared by rule \"" + c.rule() + "\"");
        out.flush();
        return Cli.PASS;
    }
}
