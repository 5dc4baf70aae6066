package dev.tollgate.inputs.cargo;

import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link VersionReq#parse} and its instance {@link VersionReq#matches(String)}: Cargo's rules, strictly. */
class StrictVersionReqTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.2          | 1.2.0      | true",
        "1.2          | 2.0.0      | false",
        "^0.0.3       | 0.0.4      | false",
        "~1.4.2       | 1.4.9      | true",
        "=0.6.5       | 0.6.5      | true",
        "=0.6.5       | 0.6.6      | false",
        ">=1, <3      | 2.9.9      | true",
        "<0.18.2      | 0.18.2     | false",
        "*            | 0.1.0      | true",
        "*            | 1.0.0-rc.1 | false",
        "1.*          | 1.3.0      | true",
        "1.2.x        | 1.2.7      | true",
        "1.0.0        | 1.0.1-rc.1 | false",
        "^1.0.1-rc.1  | 1.0.1-rc.2 | true",
        "^1.0.1-rc.1  | 1.0.2-rc.1 | false",
        "^1.0.1-rc.1  | 1.0.2      | true",
        ">=0.9.0      | 0.9.12+spec-1.1.0 | true",
        "=1.0.0+build | 1.0.0      | true",
    })
    void matches(String req, String version, boolean expected) {
        assertEquals(expected, VersionReq.parse(req).matches(version));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "' '", ",", "1,", ">", ">=", "01.2", "1.02", "1.2.3.4", "a", "1.2-beta",
        "1.0.0-", "1.0.0-a..b", "1.0.0-01", "=*", ">=1.*.1", "1 2", "=>1", "v1.2"})
    void refuses(String req) {
        assertThrows(IllegalArgumentException.class, () -> VersionReq.parse(req));
    }

    @Test
    void comparesVersionsBySemVerPrecedence() {
        assertTrue(VersionReq.compareVersions("0.9.12+spec-1.1.0", "0.10.0") < 0);
        assertTrue(VersionReq.compareVersions("1.0.0-rc.1", "1.0.0") < 0);
        assertEquals(0, VersionReq.compareVersions("1.0.0+a", "1.0.0+b"));
        assertTrue(VersionReq.compareVersions("1.0.0", "not-a-version") < 0);
    }

    /** Every version requirement that ZeroClaw head's 29 manifests write parses strictly. */
    @Test
    void everyRequirementInZeroClawManifestsParses() throws IOException {
        Path head = Corpus.file("zeroclaw/head");
        Pattern version = Pattern.compile("version\\s*=\\s*\"([^\"]*)\"");
        List<String> reqs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(head)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("Cargo.toml")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("version") || line.startsWith("rust-version")) continue; // the package's own
                    Matcher m = version.matcher(line);
                    while (m.find()) reqs.add(m.group(1));
                }
            }
        }
        assertTrue(reqs.size() > 100, "found " + reqs.size());
        for (String r : reqs) VersionReq.parse(r);
        assertTrue(reqs.contains("0.18") && reqs.contains("0.44"), reqs.toString());
    }
}
