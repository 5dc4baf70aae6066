package dev.tollgate.inputs.denytoml;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every deny.toml key a user may write in a policy's tables has a row in that policy's doc, saying
 * "same as cargo-deny" or the difference (issue 3's bar): a key added to the schema without a row
 * fails here. A row names keys in its first cell, alone or as {@code sub.key}.
 */
class PolicyDocsKeysTest {
    @ParameterizedTest(name = "[{0}] in {1}")
    @CsvSource({
        "licenses, licenses.md", "licenses.private, licenses.md", "licenses.exceptions[], licenses.md",
        "licenses.clarify[], licenses.md",
        "bans, bans.md", "bans.workspace-dependencies, bans.md", "bans.build, bans.md", "bans.deny[], bans.md",
        "bans.skip-tree[], bans.md", "bans.features[], bans.md", "bans.build.bypass[], bans.md",
        "graph, bans.md",
    })
    void everyKeyHasARow(String table, String doc) throws Exception {
        Path file = Corpus.projectRoot().resolve("docs/policies").resolve(doc);
        Set<String> named = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("|")) continue;
            String first = line.substring(1, Math.max(1, line.indexOf('|', 1)));
            for (String token : first.split("[^A-Za-z0-9._\\[\\]-]+")) {
                if (token.isEmpty()) continue;
                named.add(token);
                String[] parts = token.replace("[]", "").split("\\.");
                named.addAll(Arrays.asList(parts));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : DenySchema.tableAt(table).orElseThrow().liveKeys()) {
            if (key.equals("crate") || key.equals("name") || key.equals("version")) continue; // crate specs: one section
            if (!named.contains(key)) missing.add(key);
        }
        assertEquals(List.of(), missing, "keys of [" + table + "] with no row in docs/policies/" + doc);
    }
}
