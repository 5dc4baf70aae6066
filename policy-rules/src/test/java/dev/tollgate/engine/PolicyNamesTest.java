package dev.tollgate.engine;

import dev.tollgate.api.Policies;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One name per policy (docs/architecture.md, "One policy, one name"): for every shipped rule file
 * {@code rules/X.drl} there are the DRL package {@code tollgate.X}, the extractor package
 * {@code dev.tollgate.inputs.X}, the page {@code docs/policies/X.md} and the scenarios
 * {@code test-fixtures/scenarios/X/}; every policy and plan is in {@link Policies}. A {@code -} in a
 * name is {@code _} in the DRL package and dropped in the Java package ({@code pr-mode}:
 * {@code tollgate.pr_mode}, {@code inputs.prmode}).
 */
class PolicyNamesTest {
    private static final Path ROOT = Corpus.projectRoot();
    private static final Path INPUTS = ROOT.resolve("policy-rules/src/main/java/dev/tollgate/inputs");

    /** Rule packages that belong to no policy and always run (not selectable with --policies). */
    private static final Set<String> ALWAYS_RUN = Set.of("config", "pr-mode");
    /** {@code config} matches the ConfigIssue facts every reader makes: it has no extractor package of its own. */
    private static final Set<String> NO_INPUTS_PACKAGE = Set.of("config");
    /** Extractor packages shared by several policies, named after what they read, not after a policy. */
    private static final Set<String> SHARED_INPUTS = Set.of("io", "cargo", "denytoml", "git", "tollgate");
    /** Pages of docs/policies that are no rule file's: the engine's own codes. */
    private static final Set<String> OTHER_PAGES = Set.of("engine");

    @Test
    void everyPolicyHasOneNameEverywhere() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> ids = drlIds(problems);
        for (String id : ids) {
            if (!NO_INPUTS_PACKAGE.contains(id) && !hasJava(INPUTS.resolve(javaName(id)))) {
                problems.add(id + ": no extractor package dev.tollgate.inputs." + javaName(id));
            }
            if (!Files.isRegularFile(ROOT.resolve("docs/policies/" + id + ".md"))) problems.add(id + ": no docs/policies/" + id + ".md");
            if (!Files.isDirectory(ROOT.resolve("test-fixtures/scenarios/" + id))) problems.add(id + ": no test-fixtures/scenarios/" + id + "/");
        }
        Set<String> selectable = new TreeSet<>(ids);
        selectable.removeAll(ALWAYS_RUN);
        Set<String> known = new TreeSet<>(Policies.ALL);
        known.addAll(Policies.PLANS);
        if (!selectable.equals(known)) problems.add("Policies.ALL and Policies.PLANS are " + known + ", the rule files " + selectable);

        Set<String> javaNames = new TreeSet<>(SHARED_INPUTS);
        for (String id : ids) javaNames.add(javaName(id));
        for (String dir : children(INPUTS, true)) {
            if (!javaNames.contains(dir)) problems.add("dev.tollgate.inputs." + dir + " is neither a policy's name nor a shared package");
        }
        for (String page : children(ROOT.resolve("docs/policies"), false)) {
            String name = page.replaceFirst("\\.md$", "");
            if (!ids.contains(name) && !OTHER_PAGES.contains(name)) problems.add("docs/policies/" + page + " is no policy's page");
        }
        for (String dir : children(ROOT.resolve("test-fixtures/scenarios"), true)) {
            if (!ids.contains(dir)) problems.add("test-fixtures/scenarios/" + dir + "/ is no policy's scenarios");
        }
        assertEquals(List.of(), problems);
    }

    /** The ids of rules/*.drl, each checked against its DRL package. */
    private static Set<String> drlIds(List<String> problems) throws IOException {
        Pattern pkg = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
        Set<String> ids = new TreeSet<>();
        for (String file : children(ROOT.resolve("rules"), false)) {
            if (!file.endsWith(".drl")) continue;
            String id = file.substring(0, file.length() - 4);
            ids.add(id);
            Matcher m = pkg.matcher(Files.readString(ROOT.resolve("rules").resolve(file)));
            String expected = "tollgate." + id.replace('-', '_');
            if (!m.find() || !m.group(1).equals(expected)) problems.add("rules/" + file + ": the package is not " + expected);
            else if (!Policies.idOfPackage(m.group(1)).equals(id)) problems.add("rules/" + file + ": Policies.idOfPackage disagrees");
        }
        return ids;
    }

    private static String javaName(String id) {
        return id.replace("-", "");
    }

    private static boolean hasJava(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("package-info.java"));
        }
    }

    private static List<String> children(Path dir, boolean directories) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> directories == Files.isDirectory(p)).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals("README.md")).sorted().toList();
        }
    }
}
