package dev.tollgate.inputs.licenses;

import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.MetadataReader;
import dev.tollgate.inputs.denytoml.DenyTomlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed [licenses] values: exit 2 at the value (file:line:column), never a crash. */
class LicenseConfigBadInputTest {
    private static final CargoWorkspace WS = MetadataReader.parse(new MetaJson().member("app", "0.1.0", "MIT").json(), "m.json", null);

    private static InputException fails(String toml) {
        return assertThrows(InputException.class,
                () -> LicenseFacts.build(WS, DenyTomlReader.parse(toml, "deny.toml"), null, "deny.exceptions.toml"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // toml (\n for line breaks) | line | column (of the license text, or of the crate key) | message part
        "[licenses]\\nallow = [\"MIT\", \"NOPE-1.0\"]|2|18|`NOPE-1.0` is not an SPDX license",
        "[licenses]\\nallow = [\"MIT OR ISC\"]|2|11|not an expression",
        "[licenses]\\nallow = \"MIT\"|2|1|expected an array",
        "[licenses]\\nallow = [1]|2|10|holds strings",
        "[licenses]\\nunused-allowed-license = \"maybe\"|2|1|is not deny, warn or allow",
        "[licenses]\\nconfidence-threshold = 2.0|2|1|not between 0.0 and 1.0",
        "[licenses]\\nconfidence-threshold = \"high\"|2|1|expected a number",
        "[licenses]\\nexceptions = [{ crate = \"foo@@1\", allow = [\"MIT\"] }]|2|17|invalid version requirement",
        "[licenses]\\nexceptions = [{ crate = \"foo bar\", allow = [\"MIT\"] }]|2|17|is not a crate spec",
        "[licenses]\\nexceptions = [{ crate = \"foo\" }]|2|15|has no `allow` list",
        "[licenses]\\nexceptions = [{ allow = [\"MIT\"] }]|2|15|[licenses] exceptions[0]: expected a table with `crate",
        "[licenses]\\nexceptions = [{ crate = \"foo\", allow = [\"Bogus\"] }]|2|42|`Bogus` is not an SPDX license",
        "[[licenses.clarify]]\\ncrate = \"ring\"\\nexpression = \"MIT AND\"|3|0|`licenses.clarify` expression",
        "[[licenses.clarify]]\\ncrate = \"@1\"\\nexpression = \"MIT\"|2|1|has no crate name",
        "[[licenses.clarify]]\\ncrate = \"ring\"|1|1|has no `expression`",
        "[[licenses.clarify]]\\ncrate = \"ring\"\\nexpression = \"MIT\"\\nlicense-files = [{ hash = 1 }]|4|18|`license-files` entries",
        "[licenses]\\ninclude-dev = \"yes\"|2|1|true or false",
    })
    void exitsAtTheValue(String toml, int line, int column, String says) {
        InputException e = fails(toml.replace("\\n", "\n"));
        assertEquals("deny.toml", e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    @Test
    void exceptionsFileIsReadAndCheckedToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("deny.exceptions.toml");
        Files.writeString(f, "[[exceptions]]\ncrate = \"app\"\nallow = [\"ISC\"]\n\n[[exceptions]]\ncrate = \"x y\"\nallow = [\"MIT\"]\n");
        InputException e = assertThrows(InputException.class,
                () -> LicenseFacts.build(WS, DenyTomlReader.parse("", "deny.toml"), f, "deny.exceptions.toml"));
        assertEquals("deny.exceptions.toml", e.file());
        assertEquals(6, e.line(), e.getMessage());
        Files.writeString(f, "[[exceptions]]\ncrate = \"app\"\nallow = [\"ISC\"]\n");
        var facts = LicenseFacts.build(WS, DenyTomlReader.parse("", "deny.toml"), f, "deny.exceptions.toml");
        var pkg = facts.stream().filter(o -> o instanceof dev.tollgate.api.facts.PackageLicense).map(o -> (dev.tollgate.api.facts.PackageLicense) o)
                .findFirst().orElseThrow();
        assertEquals("[ISC]", pkg.exceptionAllowed().toString());
    }
}
