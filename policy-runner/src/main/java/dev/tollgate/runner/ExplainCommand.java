package dev.tollgate.runner;

import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.Suggest;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code tollgate explain CODE}: what a finding code means, from its declaration in the rules. */
final class ExplainCommand extends Command {
    @Override
    String name() {
        return "explain";
    }

    @Override
    String summary() {
        return "Print what a finding code means, its policy and default severity.";
    }

    @Override
    String operands() {
        return "CODE";
    }

    @Override
    List<Option> options() {
        return ruleOptions();
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) {
        List<String> operands = line.getArgList();
        if (operands.size() != 1) throw new Cli.UsageException("explain takes one finding code, e.g. `tollgate explain unknown-git`");
        String code = operands.get(0);
        PolicyEngine engine = Tollgate.engine(engineOptions(line));
        FindingCode c = engine.code(code).orElse(null);
        if (c == null) {
            List<String> codes = engine.codes().stream().map(FindingCode::code).toList();
            String near = Suggest.closest(code, codes).map(n -> "; did you mean `" + n + "`?").orElse("");
            throw new Cli.UsageException("unknown finding code `" + code + "`" + near + " (codes: " + String.join(", ", codes) + ")");
        }
        out.println(c.code() + " (policy " + c.policy() + ", default severity " + c.severity().word() + ")");
        out.println("  " + c.doc());
        if (c.rule() != null) out.println("  declared by rule \"" + c.rule() + "\"");
        return Cli.PASS;
    }
}
