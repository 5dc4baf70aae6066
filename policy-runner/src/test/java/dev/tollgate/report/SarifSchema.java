package dev.tollgate.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OASIS SARIF 2.1.0 JSON schema ({@code ../shared/schemas/sarif-schema-2.1.0.json}). Every SARIF
 * a test produces goes through {@link #assertValid}. Like the corpus, the schema must be there in
 * CI: with {@code CI=true} its absence fails the test; elsewhere the test is aborted (skipped).
 */
public final class SarifSchema {
    private static Schema schema;

    private SarifSchema() {
    }

    public static Path file() {
        Path p = Corpus.projectRoot().resolveSibling("shared").resolve("schemas").resolve("sarif-schema-2.1.0.json");
        if (Files.isRegularFile(p)) return p;
        String message = "the SARIF 2.1.0 schema is not at " + p;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(message + " (CI=true: SARIF must be validated in CI)");
        Assumptions.abort(message + "; SARIF is validated where ../shared/schemas exists and always in CI");
        throw new AssertionError("unreachable");
    }

    static synchronized Schema schema() {
        if (schema == null) {
            try {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                        .getSchema(Files.readString(file()), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** Fails with every schema violation when {@code sarif} is not valid SARIF 2.1.0. */
    public static void assertValid(String sarif) {
        List<Error> errors = schema().validate(sarif, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), "SARIF schema violations in:\n" + sarif);
    }

    /** The schema itself rejects what it must (a validator that accepts everything proves nothing). */
    static List<String> violations(String sarif) {
        return schema().validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
