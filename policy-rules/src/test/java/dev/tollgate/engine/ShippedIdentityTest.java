package dev.tollgate.engine;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped rules never retype a finding's identity: they emit with {@code Findings.of(drools, …)},
 * never {@code Finding.of(policy, code, severity, …)}, and no consequence spells a code of its file but
 * its rule's own (the words a code shares with data, an advisory kind or a bump, are the data's).
 */
class ShippedIdentityTest {
    private static final Pattern RETYPED = Pattern.compile("\\bFinding\\s*\\.\\s*of\\s*\\(");
    private static final Pattern OWN = Pattern.compile("\\bFindings\\s*\\.\\s*of\\s*\\(\\s*drools\\b");

    @Test
    void shippedRulesTakeTheirIdentityFromTheirMetadata() {
        List<RuleFile> files = RuleFile.readDir(Corpus.projectRoot().resolve("rules"));
        List<String> problems = new ArrayList<>();
        for (RuleFile f : files) {
            String text = RuleFile.stripComments(f.content());
            Matcher m = RETYPED.matcher(text);
            while (m.find()) problems.add(f.name() + ":" + RuleCheck.lineCol(text, m.start())[0] + ": Finding.of retypes a finding's identity");
        }
        int emitting = 0;
        for (RuleFile f : files) {
            String text = RuleFile.stripComments(f.content());
            Set<String> codes = new TreeSet<>();
            for (RuleCheck.RuleText r : RuleCheck.rules(f, text)) if (r.meta().containsKey("code")) codes.add(r.meta().get("code").value());
            for (RuleCheck.RuleText r : RuleCheck.rules(f, text)) {
                String own = r.meta().containsKey("code") ? r.meta().get("code").value() : null;
                String body = body(text, r);
                if (OWN.matcher(body).find()) emitting++;
                for (String c : codes) {
                    if (!c.equals(own) && body.contains("\"" + c + "\"")) {
                        problems.add(f.name() + ":" + r.line() + ": rule \"" + r.name() + "\" spells the code `" + c + "`, which is not its own");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(emitting > 100, "rules that emit with Findings.of(drools, …): " + emitting);
    }

    /** The rule's consequence. */
    private static String body(String text, RuleCheck.RuleText r) {
        int at = 0;
        for (int line = 1; line < r.line(); line++) at = text.indexOf('\n', at) + 1;
        Matcher then = Pattern.compile("(?m)^\\s*then\\b").matcher(text);
        int from = then.find(at) ? then.end() : at;
        Matcher end = Pattern.compile("(?m)^\\s*end\\s*$").matcher(text);
        return end.find(from) ? text.substring(from, end.start()) : text.substring(from);
    }
}
