package dev.tollgate.engine;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The codes section of each docs/policies/&lt;policy&gt;.md is generated from the rules: one
 * {@code ### code} heading per declared code (its GitHub anchor is the code, which SARIF's
 * {@code helpUri} names), its default severity and its {@code @doc}. This fails when a committed page
 * differs; {@code -Dtollgate.regenerateDocs=true} rewrites the sections.
 */
class PolicyDocsTest {
    static final String BEGIN = "<!-- codes: generated from the rules' @code, @severity and @doc by PolicyDocsTest; edit the rules, not this section -->";
    static final String END = "<!-- end of generated codes -->";
    static final String REGENERATE = "mvn -B -o -q -pl policy-rules -am test -Dtest=PolicyDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dtollgate.regenerateDocs=true";

    @Test
    void everyPolicyPageHasAHeadingPerCodeFromTheRules() throws IOException {
        Path pages = Corpus.projectRoot().resolve("docs/policies");
        Map<String, List<FindingCode>> byPolicy = codesByPolicy();
        assertTrue(byPolicy.get("sources").stream().anyMatch(c -> c.code().equals("unknown-git")), byPolicy.toString());
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, List<FindingCode>> e : byPolicy.entrySet()) {
            Path page = pages.resolve(e.getKey() + ".md");
            assertTrue(Files.isRegularFile(page), "no page " + page + " for the codes of policy " + e.getKey());
            String text = Files.readString(page);
            int b = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            assertTrue(b >= 0 && end > b, page + " has no generated codes section; add the two lines\n" + BEGIN + "\n" + END
                    + "\nunder its \"## Codes\" heading, then run\n  " + REGENERATE);
            String generated = text.substring(0, b) + BEGIN + "\n" + section(e.getValue()) + END + text.substring(end + END.length());
            if (generated.equals(text)) continue;
            if (Boolean.getBoolean("tollgate.regenerateDocs")) Files.writeString(page, generated);
            else stale.add(page.toString());
        }
        if (!stale.isEmpty()) {
            fail("the codes sections of " + stale + " are out of date with the rules. Regenerate them with:\n  " + REGENERATE + "\nand commit them.");
        }
        // Every code's anchor is its heading's, on its policy's page.
        for (Map.Entry<String, List<FindingCode>> e : byPolicy.entrySet()) {
            List<String> anchors = anchors(Files.readString(pages.resolve(e.getKey() + ".md")));
            for (FindingCode c : e.getValue()) {
                assertEquals(1, anchors.stream().filter(c.code()::equals).count(), e.getKey() + ".md: anchor #" + c.code() + " in " + anchors);
            }
        }
    }

    /** The shipped codes and the engine's, per policy page, in the order the rule files declare them. */
    static Map<String, List<FindingCode>> codesByPolicy() {
        Map<String, FindingCode> byCode = new LinkedHashMap<>();
        for (FindingCode c : Tollgate.engine(EngineOptions.bundled()).codes()) byCode.put(c.code(), c);
        Map<String, List<FindingCode>> out = new java.util.TreeMap<>();
        List<String> order = new ArrayList<>();
        for (RuleFile f : RuleCheck.files(EngineOptions.bundled())) {
            for (RuleCheck.RuleText r : RuleCheck.rules(f, RuleFile.stripComments(f.content()))) {
                if (r.meta().containsKey("code") && !r.references()) order.add(r.meta().get("code").value());
            }
        }
        for (FindingCode c : EngineCodes.ALL) order.add(c.code());
        assertEquals(new java.util.TreeSet<>(byCode.keySet()), new java.util.TreeSet<>(order));
        for (String code : order) {
            FindingCode c = byCode.get(code);
            out.computeIfAbsent(c.policy(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    static String section(List<FindingCode> codes) {
        StringBuilder s = new StringBuilder();
        for (FindingCode c : codes) {
            s.append("\n### ").append(c.code()).append("\n\n");
            s.append("Default severity: **").append(c.severity().name().toLowerCase(Locale.ROOT)).append("**. ");
            s.append(c.rule() == null ? "Emitted by the engine." : "Declared by rule \"" + c.rule() + "\".").append("\n\n");
            s.append(c.doc()).append("\n");
        }
        return s.append("\n").toString();
    }

    /** The anchors GitHub gives a page's headings, in order (a repeated one gets -1, -2, …). */
    static List<String> anchors(String markdown) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        boolean fence = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) fence = !fence;
            if (fence || !line.matches("#{1,6} .*")) continue;
            String text = line.replaceFirst("^#+ ", "").trim();
            String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\- _]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            out.add(n == 0 ? slug : slug + "-" + n);
        }
        return out;
    }
}
