package dev.tollgate.inputs.licenses;

import org.apache.commons.codec.digest.XXHash32;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * cargo-deny's license-file hash. The expected values were computed apart from this code, with a
 * separate implementation of the xxHash32 reference algorithm that gives the published vectors
 * (xxh32("", 0) = 0x02cc5d05, xxh32("abc", 0) = 0x32d153ff) and cargo-deny's line normalisation.
 */
class LicenseFileHashTest {
    private static long of(String text) {
        return LicenseFileHash.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theLibraryIsXxHash32WithSeedZero() {
        XXHash32 h = new XXHash32();
        h.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
        assertEquals(0x32d153ffL, h.getValue());
    }

    @Test
    void anEmptyFileHashesTheEmptyText() {
        assertEquals(0x02cc5d05L, of(""));
    }

    @Test
    void theLastLineGetsANewline() {
        assertEquals(0x087b3e6cL, of("abc"));
        assertEquals(of("abc\n"), of("abc"));
    }

    @Test
    void windowsLineEndingsHashAsUnix() {
        long expected = 0xf17dc282L;
        assertEquals(expected, of("Tollgate test license\r\nSecond line, no newline at the end"));
        assertEquals(expected, of("Tollgate test license\nSecond line, no newline at the end\n"));
        assertEquals(expected, of("Tollgate test license\r\r\nSecond line, no newline at the end\r\n"));
    }

    @Test
    void blankLinesAndInnerCarriageReturnsStay() {
        assertNotEquals(of("a\nb\n"), of("a\n\nb\n"));
        assertEquals(of("a\n\nb\n"), of("a\r\n\r\nb"));
        assertNotEquals(of("a\rb\n"), of("ab\n"));
    }

    @Test
    void hexIsEightDigits() {
        assertEquals("0x02cc5d05", LicenseFileHash.hex(0x02cc5d05L));
        assertEquals("0xbd0eed23", LicenseFileHash.hex(0xbd0eed23L));
    }
}
