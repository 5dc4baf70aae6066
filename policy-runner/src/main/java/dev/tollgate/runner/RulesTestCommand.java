package dev.tollgate.runner;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.scenarios.ScenarioException;
import dev.tollgate.scenarios.ScenarioResult;
import dev.tollgate.scenarios.ScenarioRunner;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tollgate rules test [DIR...]}: like {@code opa test}. Each DIR's {@code *.drl} files are added
 * to the bundled rules, and every {@code *.yaml} scenario under DIR is run against them. Exit 0 every
 * scenario passes, 1 some fail (each failure printed with a diff), 2 a rule or scenario file is invalid.
 */
final class RulesTestCommand extends Command {
    @Override
    String name() {
        return "rules test";
    }

    @Override
    String summary() {
        return "Run rule scenarios (YAML: facts given, findings expected). Exit 0 all pass, 1 failures, 2 bad input.";
    }

    @Override
    String operands() {
        return "[DIR...]";
    }

    @Override
    List<Option> options() {
        List<Option> o = new ArrayList<>(ruleOptions());
        o.add(flag("verbose", "Print every scenario, not only the failing ones."));
        return o;
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) {
        List<Path> dirs = new ArrayList<>();
        for (String a : line.getArgList()) dirs.add(Path.of(a));
        if (dirs.isEmpty()) dirs.add(Path.of("."));
        EngineOptions base = engineOptions(line);
        List<Path> ruleDirs = new ArrayList<>(base.ruleDirs());
        for (Path d : dirs) {
            if (!Files.exists(d)) throw new Cli.UsageException("`" + d + "` not found");
            if (Files.isDirectory(d) && hasDrl(d)) ruleDirs.add(d);
        }
        PolicyEngine engine = Tollgate.engine(base.withRuleDirs(ruleDirs));
        ScenarioRunner runner = new ScenarioRunner(engine);
        List<ScenarioResult> results = new ArrayList<>();
        try {
            for (Path d : dirs) results.addAll(runner.runAll(d));
        } catch (ScenarioException e) {
            err.println("tollgate: " + e.located());
            return Cli.USAGE;
        }
        int failed = 0;
        for (ScenarioResult r : results) {
            if (!r.passed()) {
                failed++;
                out.println(r.report());
            } else if (line.hasOption("verbose")) {
                out.println(r.report());
            }
        }
        if (results.isEmpty()) {
            err.println("tollgate: no scenario files (*.yaml) in " + dirs);
            return Cli.USAGE;
        }
        out.println("rules test: " + (results.size() - failed) + " passed, " + failed + " failed (" + results.size() + " scenarios)");
        return failed == 0 ? Cli.PASS : Cli.FAIL;
    }

    private static boolean hasDrl(Path d) {
        try (var s = Files.list(d)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".drl"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
