package dev.tollgate.scenarios;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** docs/facts.md is generated from policy-api; this fails when the committed file differs. */
class FactsDocTest {
    @Test
    void factsDocMatchesPolicyApi() throws IOException {
        Path root = Corpus.projectRoot();
        Path doc = root.resolve("docs/facts.md");
        String generated = FactsDoc.generate(root.resolve("policy-api/src/main/java"));
        assertTrue(generated.contains("## WorkspaceMember") && generated.contains("| `rustVersion` | String |"), generated);
        if (Boolean.getBoolean("tollgate.regenerateDocs")) {
            Files.writeString(doc, generated);
            return;
        }
        String committed = Files.isRegularFile(doc) ? Files.readString(doc) : "";
        if (!committed.equals(generated)) {
            fail("docs/facts.md is out of date with policy-api. Regenerate it with:\n"
                    + "  mvn -B -o -q -pl test-fixtures -am test -Dtest=FactsDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dtollgate.regenerateDocs=true\n"
                    + "and commit it.");
        }
    }
}
