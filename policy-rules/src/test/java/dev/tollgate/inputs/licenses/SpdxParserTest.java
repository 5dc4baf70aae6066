package dev.tollgate.inputs.licenses;

import dev.tollgate.api.facts.LicenseExpression;
import dev.tollgate.api.facts.LicenseReq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpdxParserTest {
    private static String canon(String s) {
        return SpdxParser.parse(s).canonical();
    }

    private static List<LicenseReq> allow(String... ids) {
        return java.util.Arrays.stream(ids).map(SpdxParser::parseAllowed).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MIT|MIT",
        "MIT OR Apache-2.0|MIT OR Apache-2.0",
        "MIT/Apache-2.0|MIT OR Apache-2.0",
        "MIT / Apache-2.0|MIT OR Apache-2.0",
        "Apache-2.0/ISC/MIT|Apache-2.0 OR ISC OR MIT",
        "mit or apache-2.0|MIT OR Apache-2.0",
        "  MIT   AND\tISC |MIT AND ISC",
        "(MIT OR Apache-2.0) AND Unicode-DFS-2016|(MIT OR Apache-2.0) AND Unicode-DFS-2016",
        "MIT OR Apache-2.0 AND BSD-3-Clause|MIT OR (Apache-2.0 AND BSD-3-Clause)",
        "Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT|Apache-2.0 WITH LLVM-exception OR Apache-2.0 OR MIT",
        "MPL-2.0+|MPL-2.0+",
        "GPL-2.0|GPL-2.0-only",
        "GPL-2.0-only|GPL-2.0-only",
        "GPL-2.0+|GPL-2.0-or-later",
        "GPL-2.0-or-later|GPL-2.0-or-later",
        "GPL-3.0-or-later WITH Classpath-exception-2.0|GPL-3.0-or-later WITH Classpath-exception-2.0",
        "LGPL-2.1+|LGPL-2.1-or-later",
        "LicenseRef-ring|LicenseRef-ring",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2|DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "((MIT))|MIT",
        "MIT AND (LicenseRef-a OR ISC)|MIT AND (LicenseRef-a OR ISC)",
    })
    void parses(String in, String canonical) {
        assertEquals(canonical, canon(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0|empty",
        "MIT OR|6|end of the expression",
        "MIT Apache-2.0|4|expected AND, OR",
        "(MIT|0|never closed",
        "MIT)|3|without a matching",
        "MIT +|3|without a space",
        "NOPE-1.0|0|unknown license",
        "MIT WITH MIT|9|exception",
        "MIT AND AND ISC|8|a license",
        "LicenseRef-x+|12|only an SPDX license id",
        "MIT & ISC|4|unexpected character",
        "WITH LLVM-exception|0|a license",
        "Apache 2.0|0|unknown license",
    })
    void refuses(String in, int offset, String says) {
        SpdxSyntaxException e = assertThrows(SpdxSyntaxException.class, () -> SpdxParser.parse(in));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.reason().contains(says), e.reason());
    }

    @Test
    void deepNestingIsAParseErrorNotAStackOverflow() {
        String deep = "(".repeat(10_000) + "MIT" + ")".repeat(10_000);
        assertThrows(SpdxSyntaxException.class, () -> SpdxParser.parse(deep));
        String ok = "(".repeat(60) + "MIT" + ")".repeat(60);
        assertEquals("MIT", canon(ok));
    }

    @Test
    void withExceptionIsNotSatisfiedByThePlainLicense() {
        LicenseExpression e = SpdxParser.parse("Apache-2.0 WITH LLVM-exception");
        assertFalse(e.satisfiedBy(allow("Apache-2.0")));
        assertTrue(e.satisfiedBy(allow("Apache-2.0 WITH LLVM-exception")));
        // and the other way round: allowing X WITH e does not accept plain X
        assertFalse(SpdxParser.parse("Apache-2.0").satisfiedBy(allow("Apache-2.0 WITH LLVM-exception")));
    }

    @Test
    void orAndEvaluation() {
        assertTrue(SpdxParser.parse("MIT/Apache-2.0").satisfiedBy(allow("Apache-2.0")));
        assertFalse(SpdxParser.parse("(MIT OR Apache-2.0) AND Unicode-DFS-2016").satisfiedBy(allow("MIT", "Apache-2.0")));
        assertTrue(SpdxParser.parse("(MIT OR Apache-2.0) AND Unicode-DFS-2016").satisfiedBy(allow("MIT", "Unicode-DFS-2016")));
        assertEquals(List.of("Unicode-DFS-2016"), SpdxParser.parse("(MIT OR Apache-2.0) AND Unicode-DFS-2016")
                .rejectedTerms(allow("MIT", "Apache-2.0")).stream().map(LicenseReq::toString).toList());
    }

    @Test
    void orLaterAndGnuRoots() {
        // GPL-2.0+ is satisfied by allowing GPL-3.0 (a later version), GPL-2.0 is not.
        assertTrue(SpdxParser.parse("GPL-2.0+").satisfiedBy(allow("GPL-3.0")));
        assertFalse(SpdxParser.parse("GPL-2.0").satisfiedBy(allow("GPL-3.0")));
        // the deprecated id and the -only id are the same requirement
        assertTrue(SpdxParser.parse("GPL-2.0").satisfiedBy(allow("GPL-2.0-only")));
        assertTrue(SpdxParser.parse("GPL-2.0-only").satisfiedBy(allow("GPL-2.0")));
        assertTrue(SpdxParser.parse("MPL-1.1+").satisfiedBy(allow("MPL-2.0")));
        assertFalse(SpdxParser.parse("MPL-2.0+").satisfiedBy(allow("MPL-1.1")));
        assertFalse(SpdxParser.parse("LicenseRef-a").satisfiedBy(allow("LicenseRef-b")));
        assertTrue(SpdxParser.parse("LicenseRef-a").satisfiedBy(allow("LicenseRef-a")));
    }

    @Test
    void flagsComeFromTheList() {
        LicenseReq gpl = SpdxParser.parseAllowed("GPL-3.0-or-later");
        assertTrue(gpl.copyleft());
        assertTrue(gpl.osi());
        LicenseReq mit = SpdxParser.parseAllowed("MIT");
        assertFalse(mit.copyleft());
        assertTrue(mit.osi() && mit.fsf());
        assertTrue(SpdxParser.parseAllowed("MPL-2.0").copyleft());
        assertFalse(SpdxParser.parseAllowed("CECILL-B").copyleft());
    }

    @Test
    void allowEntriesAreSingleTerms() {
        assertThrows(SpdxSyntaxException.class, () -> SpdxParser.parseAllowed("MIT OR ISC"));
        assertEquals("Apache-2.0 WITH LLVM-exception", SpdxParser.parseAllowed("Apache-2.0 WITH LLVM-exception").toString());
    }
}
