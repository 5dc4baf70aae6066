package dev.tollgate.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads scenario files (YAML). The format is in {@code test-fixtures/scenarios/README.md}:
 *
 * <pre>
 * policies: [sources]            # optional; default: every policy that has rules
 * defaults:                      # optional; per fact type, fields that replace the built-in defaults
 *   Inclusion: {reachable: true, direct: true}
 * facts: [...]                   # optional; given to every scenario of the file
 * scenarios:
 *   - name: what it shows
 *     facts: [...]
 *     expect: [...]              # every finding, unless partial: true
 *     absent: [...]              # findings that must not appear
 * </pre>
 */
public final class ScenarioFile {
    private static final Set<String> FILE_KEYS = Set.of("policies", "defaults", "facts", "scenarios");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "policies", "facts", "expect", "absent", "partial");

    private ScenarioFile() {
    }

    /** Every {@code *.yaml} / {@code *.yml} under {@code dir} (recursively), sorted by path. */
    public static List<Path> find(Path dir) {
        if (Files.isRegularFile(dir)) return List.of(dir);
        if (!Files.isDirectory(dir)) throw new ScenarioException(dir.toString(), 0, 0, "scenario directory not found");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ScenarioException(dir.toString(), 0, 0, "cannot read: " + e.getMessage());
        }
    }

    public static List<Scenario> read(Path file, String display) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(display, 0, 0, "cannot read: " + e.getMessage());
        }
        return parse(text, display, FactMapper.class.getClassLoader());
    }

    public static List<Scenario> parse(String text, String display, ClassLoader loader) {
        Node root = YamlTree.read(text, display);
        if (root.value() == null) throw root.error("empty scenario file; it needs `scenarios:`");
        Map<String, Node> top = root.map();
        checkKeys(top, FILE_KEYS, "a scenario file");
        Map<String, Node> defaults = new LinkedHashMap<>();
        if (top.get("defaults") != null && top.get("defaults").value() != null) defaults.putAll(top.get("defaults").map());
        FactMapper mapper = new FactMapper(loader, defaults);
        for (Map.Entry<String, Node> d : defaults.entrySet()) {
            mapper.type(new Node(d.getKey(), d.getValue().file(), d.getValue().line(), d.getValue().column()));
        }
        Set<String> filePolicies = policies(top.get("policies"));
        List<Object> shared = facts(mapper, top.get("facts"));
        Node list = top.get("scenarios");
        if (list == null || list.value() == null) throw root.error("a scenario file needs `scenarios:`, a list of scenarios");
        if (!list.isList()) throw list.error("`scenarios:` is a list (each item starts with `- name:`)");
        List<Scenario> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Node s : list.list()) {
            Map<String, Node> m = s.map();
            checkKeys(m, SCENARIO_KEYS, "a scenario");
            Node name = m.get("name");
            if (name == null) throw s.error("a scenario needs a `name`");
            if (!names.add(name.text())) throw name.error("another scenario of this file is named \"" + name.text() + "\"");
            List<Object> own = facts(mapper, m.get("facts"));
            List<Object> facts = new ArrayList<>();
            // A configuration table (a type with a static defaults(String) factory) given by the
            // scenario replaces the file's: there is one [graph], one [sources].
            for (Object f : shared) {
                boolean replaced = FactMapper.isConfigTable(f.getClass()) && own.stream().anyMatch(o -> o.getClass() == f.getClass());
                if (!replaced) facts.add(f);
            }
            facts.addAll(own);
            Node exp = m.get("expect");
            List<Expectation> expect = new ArrayList<>();
            if (exp != null && exp.value() != null && !(exp.isScalar() && exp.text().equals("none"))) {
                for (Node e : exp.list()) expect.add(Expectation.read(e));
            }
            List<Expectation> absent = new ArrayList<>();
            if (m.get("absent") != null) for (Node e : m.get("absent").list()) absent.add(Expectation.read(e));
            boolean partial = false;
            if (m.get("partial") != null) {
                if (!(m.get("partial").value() instanceof Boolean b)) throw m.get("partial").error("partial is true or false");
                partial = b;
            }
            if (exp == null && absent.isEmpty()) {
                throw s.error("scenario \"" + name.text() + "\" expects nothing: give `expect:` (use `expect: none` for no findings) or `absent:`");
            }
            if (exp == null) partial = true;
            Set<String> pols = m.get("policies") != null ? policies(m.get("policies")) : filePolicies;
            out.add(new Scenario(display, s.line(), name.text(), pols, facts, expect, absent, partial));
        }
        return out;
    }

    private static List<Object> facts(FactMapper mapper, Node facts) {
        List<Object> out = new ArrayList<>();
        if (facts == null) return out;
        for (Node f : facts.list()) out.add(mapper.fact(f));
        return out;
    }

    private static Set<String> policies(Node n) {
        Set<String> out = new LinkedHashSet<>();
        if (n == null) return out;
        for (Node p : n.list()) for (String s : p.text().split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    private static void checkKeys(Map<String, Node> m, Set<String> allowed, String what) {
        for (Map.Entry<String, Node> e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key `" + e.getKey() + "` in " + what + Suggest.suffix(e.getKey(), allowed)
                        + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }
}
