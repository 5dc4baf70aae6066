package dev.tollgate.inputs.licenses;

import org.apache.commons.codec.digest.XXHash32;

import java.io.ByteArrayOutputStream;

/**
 * The hash cargo-deny writes in {@code [[licenses.clarify]] license-files = [{ path, hash }]}: the
 * file's text with every line ending (a run of carriage returns before a line feed, or the end of
 * the file) written as one line feed, hashed with xxHash32, seed 0 (cargo-deny's {@code crate::hash},
 * {@code twox_hash::XxHash32::default()}, applied in {@code licenses/gather.rs get_file_source}).
 * The hash function is commons-codec's; only the line-ending normalisation is ours, because it is
 * cargo-deny's own rule and no library has it.
 */
final class LicenseFileHash {
    private LicenseFileHash() {
    }

    static long of(byte[] content) {
        byte[] text = normalized(content);
        XXHash32 h = new XXHash32();
        h.update(text, 0, text.length);
        return h.getValue();
    }

    /** {@code 0x} and eight lower-case hex digits, as cargo-deny prints it. */
    static String hex(long hash) {
        String digits = Long.toHexString(hash & 0xffffffffL);
        return "0x" + "0".repeat(8 - digits.length()) + digits;
    }

    /**
     * cargo-deny reads the file line by line ({@code read_line}), trims the line's trailing CR and LF
     * and appends one LF: so CRLF becomes LF, trailing CRs go, a last line without a newline gets one,
     * and blank lines stay.
     */
    static byte[] normalized(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 1);
        int start = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') end++;
            int keep = end;
            while (keep > start && content[keep - 1] == '\r') keep--;
            out.write(content, start, keep - start);
            out.write('\n');
            start = end + 1;
        }
        return out.toByteArray();
    }
}
