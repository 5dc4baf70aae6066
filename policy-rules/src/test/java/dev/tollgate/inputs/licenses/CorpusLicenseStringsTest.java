package dev.tollgate.inputs.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every license string in every cargo metadata dump of ../shared/corpus/cargo-metadata parses. */
class CorpusLicenseStringsTest {
    @Test
    void everyLicenseStringParses() throws IOException {
        Path dir = Corpus.file("cargo-metadata");
        TreeSet<String> strings = new TreeSet<>();
        int dumps = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : ds) {
                dumps++;
                JsonNode root = new ObjectMapper().readTree(f.toFile());
                for (JsonNode p : root.get("packages")) {
                    JsonNode l = p.get("license");
                    if (l != null && !l.isNull()) strings.add(l.asText());
                }
            }
        }
        assertEquals(7, dumps);
        List<String> failures = new ArrayList<>();
        for (String s : strings) {
            try {
                SpdxParser.parse(s);
            } catch (SpdxSyntaxException e) {
                failures.add(s + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
        // 27 distinct strings across the 7 dumps (counted with a separate script); 24 packages have none
        assertEquals(27, strings.size(), strings.toString());
        assertTrue(strings.contains("MIT/Apache-2.0") && strings.contains("Apache-2.0 OR BSL-1.0")
                && strings.contains("MPL-2.0+") && strings.contains("Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT"));
    }
}
