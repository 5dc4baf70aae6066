package dev.tollgate.runner;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.RulesException.Problem;
import dev.tollgate.engine.RuleCheck;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tollgate rules check [DIR...]}: compile the bundled rules and those in DIR, then lint them.
 * Exit 0 clean (warnings allowed), 1 lint failures, 2 compile errors or a usage error.
 */
final class RulesCheckCommand extends Command {
    @Override
    String name() {
        return "rules check";
    }

    @Override
    String summary() {
        return "Compile and lint rules (bundled, plus DIR's). Exit 0 clean, 1 lint failures, 2 compile errors.";
    }

    @Override
    String operands() {
        return "[DIR...]";
    }

    @Override
    List<Option> options() {
        return ruleOptions();
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) {
        EngineOptions options = withOperands(line);
        RuleCheck.Report r = RuleCheck.run(options);
        for (Problem p : r.compileErrors()) err.println(p.toString().replaceFirst(": ", ": error: "));
        if (!r.compileErrors().isEmpty()) {
            err.println("rules check: " + r.compileErrors().size() + " compile error" + (r.compileErrors().size() == 1 ? "" : "s"));
            return Cli.USAGE;
        }
        for (Problem p : r.failures()) out.println(p.toString().replaceFirst(": ", ": error: "));
        for (Problem p : r.warnings()) out.println(p.toString().replaceFirst(": ", ": warning: "));
        String counts = r.files() + " files, " + r.rules() + " rules, " + r.codes() + " codes";
        if (!r.failures().isEmpty()) {
            out.println("rules check: " + r.failures().size() + " lint failure" + (r.failures().size() == 1 ? "" : "s")
                    + ", " + r.warnings().size() + " warning" + (r.warnings().size() == 1 ? "" : "s") + " (" + counts + ")");
            return Cli.FAIL;
        }
        out.println("rules check: ok, " + r.warnings().size() + " warning" + (r.warnings().size() == 1 ? "" : "s") + " (" + counts + ")");
        return Cli.PASS;
    }

    /** {@code --rules DIR} and the operands, in that order. */
    static EngineOptions withOperands(CommandLine line) {
        EngineOptions base = engineOptions(line);
        List<Path> dirs = new ArrayList<>(base.ruleDirs());
        for (String a : line.getArgList()) dirs.add(Path.of(a));
        return base.withRuleDirs(dirs);
    }
}
