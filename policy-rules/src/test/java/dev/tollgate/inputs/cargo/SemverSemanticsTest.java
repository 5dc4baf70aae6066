package dev.tollgate.inputs.cargo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Hand-derived expectations for the strict matcher, from the {@code semver} crate's documented rules
 * (docs.rs/semver: VersionReq, Op) and the Cargo book's table of requirement desugarings. The tricky
 * ones are pre-releases (opt-in only through a comparator with the same major.minor.patch), {@code *}
 * (admits no pre-release at all), partial versions after each operator, and build metadata.
 */
class SemverSemanticsTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        // caret, the default
        "^1.2.3          | 1.2.3          | true",
        "^1.2.3          | 1.9.0          | true",
        "^1.2.3          | 2.0.0          | false",
        "^1.2.3          | 2.0.0-alpha    | false",
        "^1.2.3          | 1.3.0-alpha    | false",   // pre-release without opt-in
        "1.2.3           | 1.2.2          | false",
        "^0.2.3          | 0.2.99         | true",
        "^0.2.3          | 0.3.0          | false",
        "^0.0.3          | 0.0.3          | true",
        "^0.0.3          | 0.0.4          | false",
        "^0.0            | 0.0.9          | true",
        "^0.0            | 0.1.0          | false",
        "0               | 0.99.0         | true",
        "0               | 1.0.0          | false",
        "^1.*            | 1.5.0          | true",    // ^ with a wildcard minor is ^1
        // tilde
        "~1              | 1.9.9          | true",
        "~1.2            | 1.2.9          | true",
        "~1.2            | 1.3.0          | false",
        "~1.2.3          | 1.2.2          | false",
        "~0.2.3          | 0.2.9          | true",
        // exact, with partial versions
        "=1.2.3          | 1.2.3          | true",
        "=1.2.3          | 1.2.3-rc.1     | false",
        "=0.1            | 0.1.7          | true",
        "=1              | 1.99.0         | true",
        "=1.2.3+build.5  | 1.2.3          | true",    // build metadata is never compared
        "1.2.3           | 1.2.3+meta     | true",
        // greater / less with partial versions
        ">1              | 1.9.9          | false",
        ">1              | 2.0.0          | true",
        ">1.2            | 1.2.9          | false",
        ">1.2            | 1.3.0          | true",
        ">1.2.3          | 1.2.4          | true",
        "<=1.2           | 1.2.99         | true",
        "<=1.2           | 1.3.0          | false",
        "<1.2            | 1.1.99         | true",
        "<1.2            | 1.2.0          | false",
        ">=1.2           | 1.2.0          | true",
        "<=1             | 1.99.0         | true",
        // wildcards
        "*               | 0.0.0          | true",
        "*               | 1.0.0-alpha    | false",   // no comparator, so no pre-release opt-in
        "1.*             | 1.99.0         | true",
        "1.*             | 2.0.0          | false",
        "1.2.*           | 1.2.7          | true",
        "1.2.*           | 1.2.0-alpha    | false",
        "1.x             | 1.3.0          | true",
        "1.2.X           | 1.3.0          | false",
        ">=1.*           | 3.0.0          | true",    // a wildcard after an operator just leaves the part out
        // comparator lists (RustSec style)
        ">= 0.9.5, < 0.10 | 0.9.9         | true",
        ">= 0.9.5, < 0.10 | 0.10.0        | false",
        ">= 0.9.5, < 0.10 | 0.9.4         | false",
        "^0.9.5, >= 0.10.2 | 0.9.7        | false",   // both must hold; RustSec lists them as separate entries
        // pre-release opt-in through a comparator naming the same major.minor.patch
        ">= 1.2.3-alpha  | 1.2.3-alpha.1  | true",
        ">= 1.2.3-alpha  | 1.2.3          | true",
        ">= 1.2.3-alpha  | 1.2.4-alpha    | false",
        "< 1.2.3         | 1.2.3-rc.1     | false",
        "< 1.2.3-rc.2    | 1.2.3-rc.1     | true",
        "< 1.2.3-rc.2    | 1.2.3-rc.10    | false",   // numeric identifiers compare as numbers
        "^1.2.3-alpha.2  | 1.2.3-alpha.10 | true",
        "^1.2.3-beta     | 1.2.3-alpha    | false",
        "~1.2.3-beta     | 1.2.3-beta.2   | true",
        "^1.2.3-alpha    | 1.2.3-1        | false",   // numeric identifiers sort before alphanumeric ones
        ">=1.0.0-alpha, <1.0.0 | 1.0.0-rc.1 | true",
        "=0.4.0-rc.1     | 0.4.0-rc.1     | true",
    })
    void matches(String requirement, String version, boolean expected) {
        assertEquals(expected, VersionReq.parse(requirement.strip()).matches(VersionReq.Version.parse(version.strip())),
                requirement + " ~ " + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ">= 1.2.3 < 2", "1.2.3.4", "01.2", "^1.2.3-01", "*, 1", "1, *", "1.*.3", ">=1.2.3-",
            "1.2.3 - 2.0.0", "~>1.2", "1.2 || 1.3", "1.2-beta", ">=", "x.1", "1.2.3-beta..1", "1.2.3+"})
    void rejects(String requirement) {
        assertThrows(IllegalArgumentException.class, () -> VersionReq.parse(requirement));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.2.3.4", "v1.2.3", "1.2.3-", "01.2.3", "1.2.3-01", " 1.2.3", "1.2.3 "})
    void rejectsVersions(String version) {
        assertThrows(IllegalArgumentException.class, () -> VersionReq.Version.parse(version));
    }

    @ParameterizedTest(name = "fix of {0} for {1}: {2}, compatible {3}")
    @CsvSource(delimiter = '|', value = {
        ">= 1.4.2        | 1.4.0  | 1.4.2  | true",
        ">= 2.0.1        | 1.4.0  | 2.0.1  | false",
        "^0.9.5          | 0.9.1  | 0.9.5  | true",
        ">= 0.10.2       | 0.9.1  | 0.10.2 | false",
        ">= 0.0.5        | 0.0.4  | 0.0.5  | false",   // ^0.0.4 admits only 0.0.4
        "> 1.2.3         | 1.2.3  | 1.2.4  | true",
        ">= 1.2.3, < 1.3 | 1.2.0  | 1.2.3  | true",
    })
    void fixArithmetic(String patched, String locked, String fix, boolean compatible) {
        VersionReq.Version v = VersionReq.Version.parse(locked.strip());
        VersionReq.Version lowest = VersionReq.parse(patched.strip()).lowestAbove(v);
        assertEquals(fix.strip(), lowest.toString());
        assertEquals(compatible, VersionReq.compatible(v, lowest));
    }
}
