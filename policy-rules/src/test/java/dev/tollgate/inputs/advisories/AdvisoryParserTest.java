package dev.tollgate.inputs.advisories;

import dev.tollgate.api.facts.Advisory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdvisoryParserTest {
    static final String GOOD = """
            ```toml
            [advisory]
            id = "RUSTSEC-2031-0007"
            package = "tiny-http-thing"
            date = "2031-02-03"
            url = "https://example.org/issue/7"
            categories = ["denial-of-service"]
            keywords = ["panic"]
            aliases = ["CVE-2031-1234", "GHSA-aaaa-bbbb-cccc"]
            cvss = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"

            [versions]
            patched = [
                "^1.4.2",
                ">= 2.0.1",
            ]
            unaffected = ["< 1.0.0"]

            [affected]
            os = ["windows"]

            [affected.functions]
            "tiny_http_thing::parse" = ["< 1.4.2"]
            ```

            # Parsing a header can panic

            Text.
            """;

    @Test
    void readsEveryField() {
        AdvisoryParser.Result r = AdvisoryParser.parse(GOOD, "db/crates/tiny-http-thing/RUSTSEC-2031-0007.md", "tiny-http-thing");
        Advisory a = r.advisory();
        assertEquals("RUSTSEC-2031-0007", a.id());
        assertEquals("tiny-http-thing", a.crate());
        assertEquals(dev.tollgate.api.facts.AdvisoryKind.VULNERABILITY, a.kind());
        assertEquals("vulnerability", a.kindName());
        assertEquals("2031-02-03", a.date());
        assertEquals(List.of("CVE-2031-1234", "GHSA-aaaa-bbbb-cccc"), a.aliases());
        assertEquals(List.of("^1.4.2", ">= 2.0.1"), a.patched());
        assertEquals(List.of("< 1.0.0"), a.unaffected());
        assertEquals(List.of("windows"), a.os());
        assertEquals(List.of("tiny_http_thing::parse"), a.functions());
        assertEquals("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", a.cvss());
        assertEquals("Parsing a header can panic", a.title());
        assertEquals("", a.source());
        assertEquals("db/crates/tiny-http-thing/RUSTSEC-2031-0007.md:2:1", a.origin().toString());
    }

    @Test
    void withdrawnAndPlaceholderAreSkipped() {
        String withdrawn = GOOD.replace("[versions]", "withdrawn = \"2031-03-01\"\n\n[versions]").replace("aliases", "aliases");
        // `withdrawn` belongs to [advisory]: put it there
        withdrawn = GOOD.replace("date = \"2031-02-03\"", "date = \"2031-02-03\"\nwithdrawn = \"2031-03-01\"");
        AdvisoryParser.Result r = AdvisoryParser.parse(withdrawn, "f.md", null);
        assertNull(r.advisory());
        assertEquals("withdrawn on 2031-03-01", r.skipped());
        AdvisoryParser.Result p = AdvisoryParser.parse(GOOD.replace("RUSTSEC-2031-0007", "RUSTSEC-0000-0000"), "f.md", null);
        assertNull(p.advisory());
        assertTrue(p.skipped().contains("placeholder"));
    }

    /** Each malformed variant of GOOD, the file line the problem is reported at, and a word of the message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no front matter        | 1  | ```toml",
        "unclosed front matter  | 1  | not closed",
        "toml syntax            | 4  | TOML syntax",
        "bad id                 | 3  | RUSTSEC-YYYY-NNNN",
        "missing id             | 2  | no `id`",
        "wrong crate dir        | 4  | directory of crate",
        "bad date               | 5  | YYYY-MM-DD",
        "bad requirement        | 15 | invalid version requirement",
        "patched not a list     | 13 | list of strings",
        "no versions table      | 2  | no [versions]",
        "bad cvss               | 10 | CVSS vector",
        "functions bad req      | 23 | invalid version requirement",
    })
    void malformed(String variant, int line, String word) {
        String text = switch (variant.strip()) {
            case "no front matter" -> GOOD.replace("```toml\n", "");
            case "unclosed front matter" -> GOOD.replace("```\n\n#", "\n#");
            case "toml syntax" -> GOOD.replace("package = \"tiny-http-thing\"", "package = tiny-http-thing");
            case "bad id" -> GOOD.replace("RUSTSEC-2031-0007", "RUSTSEC-31-7");
            case "missing id" -> GOOD.replace("id = \"RUSTSEC-2031-0007\"\n", "");
            case "wrong crate dir" -> GOOD.replace("package = \"tiny-http-thing\"", "package = \"other\"");
            case "bad date" -> GOOD.replace("2031-02-03", "3 Feb 2031");
            case "bad requirement" -> GOOD.replace("\">= 2.0.1\"", "\">= 2.0.01\"");
            case "patched not a list" -> GOOD.replace("patched = [\n    \"^1.4.2\",\n    \">= 2.0.1\",\n]", "patched = \"^1.4.2\"\n\n\n");
            case "no versions table" -> GOOD.replace("[versions]", "[versionz]");
            case "bad cvss" -> GOOD.replace("cvss = \"CVSS:3.1", "cvss = \"3.1");
            case "functions bad req" -> GOOD.replace("[\"< 1.4.2\"]", "[\"<< 1.4.2\"]");
            default -> throw new AssertionError(variant);
        };
        AdvisoryParser.Result r = AdvisoryParser.parse(text, "f.md", "tiny-http-thing");
        assertTrue(r.isMalformed(), variant + " should be malformed");
        assertTrue(r.problem().contains(word.strip()), r.problem());
        assertEquals(line, r.line(), r.problem());
    }
}
