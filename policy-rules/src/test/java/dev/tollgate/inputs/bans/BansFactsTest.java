package dev.tollgate.inputs.bans;

import dev.tollgate.api.facts.CrateMatch;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.DirectDependents;
import dev.tollgate.inputs.RepositoryFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the bans extractor computes beside the shared Cargo facts, on {@link Workspace}. */
class BansFactsTest {
    @TempDir
    Path dir;

    private static List<Object> facts(Path dir) {
        return RepositoryFacts.load(new RepositoryFacts.Request(dir, null, null, Set.of("bans"), Set.of("bans"))).facts();
    }

    private static Map<String, List<String>> directDependents(List<Object> facts) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Object f : facts) {
            if (f instanceof DirectDependents d) assertEquals(null, out.put(d.packageId(), d.from()), "one fact per package: " + d);
        }
        return out;
    }

    @Test
    void directDependentsOfEveryPackageADenyEntryMatches() {
        List<Object> facts = facts(Workspace.write(dir, """
                [bans]
                deny = [
                    "shared",
                    "shared@1.0.0",
                    { crate = "wrapped", wrappers = ["bar"] },
                    "app",
                    "missing",
                ]
                skip = ["foo"]
                """));
        Map<String, List<String>> got = directDependents(facts);
        // Every version of shared (also 0.9.0, which only the feature `extra` brings in, and the dev-only 3.0.0:
        // the rules decide what is in the graph), wrapped, and the member app, which nothing depends on. Once each,
        // though two entries match shared 1.0.0; nothing for the skip entry's foo, nor for the unmatched `missing`.
        assertEquals(Map.of(
                "shared@0.9.0", List.of("opt@1.0.0"),
                "shared@1.0.0", List.of("foo@1.0.0"),
                "shared@2.0.0", List.of("bar@0.2.0"),
                "shared@3.0.0", List.of("devtool@1.0.0"),
                "wrapped@1.0.0", List.of("bar@0.2.0"),
                "app@0.1.0", List.of()), got);

        // Exactly the `from` of the edges into each of them, as the rules once collected them from DependencyEdge.
        Set<String> denied = new TreeSet<>();
        for (Object f : facts) if (f instanceof CrateMatch m && m.list() == dev.tollgate.api.facts.CrateList.DENY) denied.add(m.packageId());
        assertEquals(denied, new TreeSet<>(got.keySet()));
        for (String id : denied) {
            TreeSet<String> from = new TreeSet<>();
            for (Object f : facts) if (f instanceof DependencyEdge e && e.to().equals(id)) from.add(e.from());
            assertEquals(List.copyOf(from), got.get(id), id);
        }
    }

    @Test
    void severalDependentsAreListedOnceEachAndSorted() throws java.io.IOException {
        // app depends on zed, alpha and base (base twice: as a normal and as a dev-dependency, two edges);
        // zed and alpha depend on base too. Each dependent is listed once, by id.
        java.nio.file.Files.writeString(dir.resolve("Cargo.toml"), """
                [package]
                name = "app"
                version = "0.1.0"

                [dependencies]
                zed = "1"
                alpha = "1"
                base = "1"

                [dev-dependencies]
                base = "1"
                """);
        String crates = "source = \"" + Workspace.CRATES_IO + "\"\nchecksum = \"" + "0".repeat(64) + "\"\n";
        java.nio.file.Files.writeString(dir.resolve("Cargo.lock"), "version = 4\n"
                + "\n[[package]]\nname = \"alpha\"\nversion = \"1.0.0\"\n" + crates + "dependencies = [\n \"base\",\n]\n"
                + "\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n \"alpha\",\n \"base\",\n \"zed\",\n]\n"
                + "\n[[package]]\nname = \"base\"\nversion = \"1.0.0\"\n" + crates
                + "\n[[package]]\nname = \"zed\"\nversion = \"1.0.0\"\n" + crates + "dependencies = [\n \"base\",\n]\n");
        java.nio.file.Files.writeString(dir.resolve("deny.toml"), "[bans]\ndeny = [{ crate = \"base\", wrappers = [\"zed\"] }, \"zed\"]\n");
        List<Object> facts = facts(dir);
        assertEquals(2, facts.stream().filter(f -> f instanceof DependencyEdge e && e.from().equals("app@0.1.0")
                && e.to().equals("base@1.0.0")).count(), "a normal and a dev edge");
        assertEquals(Map.of("base@1.0.0", List.of("alpha@1.0.0", "app@0.1.0", "zed@1.0.0"), "zed@1.0.0", List.of("app@0.1.0")),
                directDependents(facts));
    }

    @Test
    void onlyDenyEntriesGetTheFact() {
        // skip, skip-tree, allow and features entries match packages too (CrateMatch), but get no DirectDependents.
        List<Object> facts = facts(Workspace.write(dir, """
                [bans]
                allow = ["shared"]
                skip = ["bar"]
                skip-tree = ["foo"]
                features = [{ crate = "wrapped", allow = [] }]
                """));
        assertEquals(7, facts.stream().filter(f -> f instanceof CrateMatch).count(), "shared in four versions, bar, foo, wrapped");
        assertEquals(Map.of(), directDependents(facts));
        assertEquals(Map.of(), directDependents(facts(Workspace.write(dir, "[bans]\n"))));
    }

    @Test
    void theFromListIsDistinctAndSorted() {
        DirectDependents d = new DirectDependents("openssl@0.10.0", List.of("reqwest@0.11.0", "native-tls@0.2.0", "reqwest@0.11.0"));
        assertEquals(List.of("native-tls@0.2.0", "reqwest@0.11.0"), d.from());
        assertEquals(List.of(), new DirectDependents("openssl@0.10.0", null).from());
    }
}
