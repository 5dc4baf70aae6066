package dev.tollgate.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.fixtures.Corpus;
import dev.tollgate.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A code's identity is its rule's: {@code explain}, SARIF's {@code defaultConfiguration} and a real run
 * with no configuration report the severity the rule declares, and every SARIF help link names a page
 * in docs/policies and a heading on it.
 */
class DefaultSeverityAgreementTest {
    static final Map<String, FindingCode> DECLARED = new TreeMap<>();

    static {
        for (FindingCode c : Tollgate.engine(EngineOptions.bundled()).codes()) DECLARED.put(c.code(), c);
    }

    @Test
    void explainSaysTheDeclaredSeverityOfEveryCode() {
        for (FindingCode c : DECLARED.values()) {
            Run r = Run.of("explain", c.code());
            assertEquals(0, r.code(), r.toString());
            assertEquals(c.code() + " (policy " + c.policy() + ", default severity " + c.severity().word() + ")",
                    r.out().lines().findFirst().orElse(""), r.toString());
        }
    }

    @Test
    void withoutConfigurationEveryResultHasItsRulesDefaultLevelAndEveryHelpLinkResolves(@TempDir Path tmp) throws IOException {
        Set<String> ruleIds = new TreeSet<>();
        Set<String> reported = new TreeSet<>();
        Set<String> evaluated = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (Path repo : List.of(Corpus.file("zeroclaw/head"), Corpus.file("zeroclaw/pre-rationalise"), Corpus.projectRoot().resolve("test-fixtures/demo"))) {
            Path copy = tmp.resolve(repo.getParent().getFileName() + "-" + repo.getFileName());
            copyWithoutConfiguration(repo, copy);
            Run r = Run.of("check", "--repo", copy.toString(), "--format", "sarif");
            assertTrue(r.code() == 0 || r.code() == 1, r.toString());
            JsonNode run = r.json().get("runs").get(0);
            for (JsonNode p : run.get("properties").get("policies")) evaluated.add(p.asText());
            JsonNode rules = run.get("tool").get("driver").get("rules");
            for (JsonNode rule : rules) {
                String id = rule.get("id").asText();
                ruleIds.add(id);
                FindingCode c = DECLARED.get(id);
                assertTrue(c != null, "SARIF rule " + id + " is a declared code");
                assertEquals(level(c), rule.get("defaultConfiguration").get("level").asText(), id);
                assertHelpResolves(id, rule.get("helpUri").asText());
            }
            for (JsonNode result : run.get("results")) {
                JsonNode rule = rules.get(result.get("ruleIndex").asInt());
                String id = result.get("ruleId").asText();
                assertEquals(rule.get("id").asText(), id);
                reported.add(id);
                if (!result.get("level").asText().equals(rule.get("defaultConfiguration").get("level").asText())) {
                    wrong.add(copy.getFileName() + ": " + id + " is " + result.get("level").asText() + ", its rule's default "
                            + rule.get("defaultConfiguration").get("level").asText() + ": " + result.get("message").get("text").asText());
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(reported.containsAll(List.of("unknown-git", "non-semver-version-comment", "major-only-version-comment")), reported.toString());
        // SARIF lists every declared code of the policies that ran (and of config, pr-mode, engine); the
        // codes of the others have their headings checked below, from the same help links.
        Set<String> missing = new TreeSet<>();
        for (FindingCode c : DECLARED.values()) {
            boolean ran = evaluated.contains(c.policy()) || List.of("config", "pr-mode", "engine").contains(c.policy());
            if (ran && !ruleIds.contains(c.code())) missing.add(c.code());
        }
        assertEquals(Set.of(), missing, "declared codes SARIF does not list");
        assertTrue(evaluated.containsAll(List.of("sources", "bans", "licenses", "workflows")), evaluated.toString());
    }

    @Test
    void everyDeclaredCodeHasAHeadingOnItsPolicysPage() throws IOException {
        for (FindingCode c : DECLARED.values()) assertHelpResolves(c.code(), Reports.helpUri(c));
    }

    private static final Map<Path, List<String>> ANCHORS = new HashMap<>();

    static void assertHelpResolves(String code, String uri) throws IOException {
        assertTrue(uri.startsWith(Reports.DOCS_URL), code + ": " + uri);
        String rest = uri.substring(Reports.DOCS_URL.length());
        int hash = rest.indexOf('#');
        assertTrue(hash > 0, code + ": " + uri);
        Path page = Corpus.projectRoot().resolve("docs/policies").resolve(rest.substring(0, hash));
        assertTrue(Files.isRegularFile(page), code + ": " + uri + " names no page (" + page + ")");
        List<String> anchors = ANCHORS.get(page);
        if (anchors == null) ANCHORS.put(page, anchors = anchors(Files.readString(page)));
        assertTrue(anchors.contains(rest.substring(hash + 1)), code + ": " + uri + " names no heading of " + page.getFileName());
    }

    /** The anchors GitHub gives a page's headings (a repeated one gets -1, -2, …). */
    static List<String> anchors(String markdown) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) fence = !fence;
            if (fence || !line.matches("#{1,6} .*")) continue;
            String slug = line.replaceFirst("^#+ ", "").trim().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\- _]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            out.add(n == 0 ? slug : slug + "-" + n);
        }
        return out;
    }

    private static String level(FindingCode c) {
        return switch (c.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /** A copy of a repository without deny.toml, tollgate.toml and cargo's configuration. */
    static void copyWithoutConfiguration(Path from, Path to) throws IOException {
        Set<String> configuration = Set.of("deny.toml", "tollgate.toml", ".cargo");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = from.relativize(p);
                if (rel.getNameCount() > 0 && configuration.contains(rel.getName(0).toString())) continue;
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        assertFalse(Files.exists(to.resolve("deny.toml")));
    }
}
