package dev.tollgate.inputs.cargo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionReqTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.2     | 1.2.0  | true",
        "1.2     | 1.9.9  | true",
        "1.2     | 2.0.0  | false",
        "1.2     | 1.1.9  | false",
        "^0.2.3  | 0.2.9  | true",
        "^0.2.3  | 0.3.0  | false",
        "0.0.3   | 0.0.3  | true",
        "0.0.3   | 0.0.4  | false",
        "0.0     | 0.0.7  | true",
        "0.0     | 0.1.0  | false",
        "0       | 0.9.0  | true",
        "0       | 1.0.0  | false",
        "~1.4.2  | 1.4.9  | true",
        "~1.4.2  | 1.5.0  | false",
        "~1      | 1.9.0  | true",
        "=2.0.1  | 2.0.1  | true",
        "=2.0.1  | 2.0.2  | false",
        "=2.0    | 2.0.7  | true",
        ">=1, <3 | 2.5.0  | true",
        ">=1, <3 | 3.0.0  | false",
        ">1.2    | 1.2.9  | false",
        ">1.2    | 1.3.0  | true",
        "<=1.2   | 1.2.9  | true",
        "<=1.2   | 1.3.0  | false",
        "1.*     | 1.7.0  | true",
        "1.*     | 2.0.0  | false",
        "*       | 9.9.9  | true",
        "0.10    | 0.10.1 | true",
        "0.9     | 0.10.0 | false",
        "1.0.0-alpha.2 | 1.0.0-alpha.10 | true",
        "1.0.0-beta    | 1.0.0-alpha    | false",
        "not a req     | 1.0.0          | true",
    })
    void matches(String requirement, String version, boolean expected) {
        assertEquals(expected, VersionReq.matches(requirement, version));
    }

    @ParameterizedTest
    @CsvSource({"alpha,alpha.1,-1", "alpha.2,alpha.10,-1", "1,alpha,-1", "beta,alpha,1", "'',alpha,1"})
    void preReleaseOrder(String a, String b, int sign) {
        assertEquals(sign, Integer.signum(VersionReq.comparePre(a, b)));
    }
}
