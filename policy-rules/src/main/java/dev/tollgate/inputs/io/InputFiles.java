package dev.tollgate.inputs.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The one way Tollgate reads an input file, with failures as {@link InputException}s naming the
 * display path (exit 2). Every input is hostile (docs/architecture.md, "Reading input files"):
 * <ul>
 *   <li>only a regular file is read: a directory, FIFO, device or socket is refused from its type,
 *       before it is opened, so a FIFO never blocks the run and {@code /dev/zero} is never read;
 *   <li>a repository input (one whose display path is relative to the repository root) that is a
 *       symbolic link must resolve inside the repository; a path the user named on the command line
 *       ({@link #readGiven}) is taken as given;
 *   <li>each {@link Kind} has a size limit, and no byte past it is read (a file that grows while read,
 *       or whose size the file system misreports, is cut at limit + 1 bytes and refused).
 * </ul>
 */
public final class InputFiles {
    private static final long MIB = 1L << 20;

    /** What a file is, and so the most Tollgate reads of it. */
    public enum Kind {
        LOCKFILE("Cargo.lock", 64 * MIB),
        MANIFEST("manifest", 8 * MIB),
        CONFIG("configuration file", 8 * MIB),
        WORKFLOW("workflow file", 8 * MIB),
        METADATA("cargo metadata JSON", 512 * MIB),
        ADVISORY("advisory", 1 * MIB),
        CHANGED_FILES("changed-files list", 64 * MIB),
        LICENSE_TEXT("license file", 8 * MIB),
        SCRIPT("script", 8 * MIB);

        private final String what;
        private final long limit;

        Kind(String what, long limit) {
            this.what = what;
            this.limit = limit;
        }

        /** The largest file of this kind that is read, in bytes. */
        public long limit() {
            return limit;
        }

        /** The kind a file name suggests, for callers that do not say. */
        public static Kind guess(Path file) {
            String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.equals("cargo.lock")) return LOCKFILE;
            if (n.endsWith(".json")) return METADATA;
            if (n.endsWith(".md")) return ADVISORY;
            return CONFIG;
        }
    }

    private InputFiles() {
    }

    /** Whether anything (a file, a directory, a FIFO, a dangling link) is at {@code file}, without following links. */
    public static boolean present(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The file as UTF-8 text without a byte-order mark: a repository input of the kind its name suggests. */
    public static String readText(Path file, String displayPath) {
        return readText(file, displayPath, Kind.guess(file));
    }

    /** A repository input (its display path relative to the repository root) as UTF-8 text without a byte-order mark. */
    public static String readText(Path file, String displayPath, Kind kind) {
        return decode(read(file, displayPath, kind, true), displayPath);
    }

    /** A file the user named on the command line (taken as given, wherever a link points) as UTF-8 text. */
    public static String readGiven(Path file, String displayPath, Kind kind) {
        return decode(read(file, displayPath, kind, false), displayPath);
    }

    /**
     * As {@link #readGiven}, as the UTF-8 bytes after any byte-order mark (the returned offset) rather than a
     * String: the same checks, and invalid UTF-8 is the same error, but a parser that reads bytes needs no copy
     * of a file of hundreds of megabytes (a cargo metadata dump). Returns {bytes, offset} as an {@link Utf8}.
     */
    public static Utf8 readGivenUtf8(Path file, String displayPath, Kind kind) {
        byte[] bytes = read(file, displayPath, kind, false);
        validate(bytes, displayPath);
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        return new Utf8(bytes, from);
    }

    /** UTF-8 bytes from {@code offset} on: the text without its byte-order mark. */
    public record Utf8(byte[] bytes, int offset) {
        /** The text as a String (for error paths that scan it). */
        public String text() {
            return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        }
    }

    /** Throws what {@link #decode} throws for invalid UTF-8; ASCII-only text is checked without decoding. */
    private static void validate(byte[] bytes, String displayPath) {
        for (byte b : bytes) {
            if (b < 0) {
                decodeCheck(bytes, displayPath);
                return;
            }
        }
    }

    /** The file's bytes (a license text to hash, say), a repository input of the kind its name suggests. */
    public static byte[] readBytes(Path file, String displayPath) {
        return read(file, displayPath, Kind.guess(file), true);
    }

    /** A repository input's bytes. */
    public static byte[] readBytes(Path file, String displayPath, Kind kind) {
        return read(file, displayPath, kind, true);
    }

    /** UTF-8 bytes as text without a byte-order mark; invalid UTF-8 is an error at its line and column. */
    public static String decode(byte[] bytes, String displayPath) {
        decodeCheck(bytes, displayPath);
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void decodeCheck(byte[] bytes, String displayPath) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // Validate in small chunks, then decode once: no char[] twice the file's size.
        CharBuffer out = CharBuffer.allocate(8192);
        CoderResult r;
        while (true) {
            r = decoder.decode(in, out, true);
            if (r.isError() || r.isUnderflow()) break;
            out.clear();
        }
        if (!r.isError()) r = decoder.flush(out);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new InputException(displayPath, line, column, "not valid UTF-8 text (byte 0x"
                    + Integer.toHexString(bytes[at] & 0xff) + " at offset " + at + ")");
        }
    }

    private static byte[] read(Path file, String displayPath, Kind kind, boolean repositoryInput) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Path target = file;
            Path root = repositoryInput ? rootOf(file, displayPath) : null;
            if (attrs.isSymbolicLink() || root != null) {
                // Every link on the way counts (a linked directory too), so the whole real path is checked.
                try {
                    target = file.toRealPath();
                } catch (NoSuchFileException e) {
                    throw InputException.at(displayPath, "is a symbolic link to a missing file");
                }
                if (root != null && !target.startsWith(root.toRealPath())) {
                    throw InputException.at(displayPath, "resolves to " + target
                            + " through a symbolic link, outside the repository; a repository input must stay inside it");
                }
                attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
            if (attrs.isDirectory()) throw InputException.at(displayPath, "is a directory, not a file");
            if (!attrs.isRegularFile()) {
                throw InputException.at(displayPath, "is not a regular file (a FIFO, device or socket); not read");
            }
            if (attrs.size() > kind.limit) throw tooLarge(displayPath, kind, attrs.size());
            try (InputStream in = Files.newInputStream(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, kind.limit + 1));
                if (bytes.length > kind.limit) throw tooLarge(displayPath, kind, -1);
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw InputException.at(displayPath, "file not found");
        } catch (AccessDeniedException e) {
            throw InputException.at(displayPath, "cannot read: permission denied");
        } catch (IOException e) {
            throw InputException.at(displayPath, "cannot read: " + InputException.reason(e));
        }
    }

    private static InputException tooLarge(String displayPath, Kind kind, long size) {
        return InputException.at(displayPath, (size >= 0 ? "is " + size + " bytes, " : "is ") + "larger than the "
                + (kind.limit / MIB) + " MiB a " + kind.what + " may have; not read");
    }

    /**
     * The repository root of a repository input: the file's path without its display path, when the
     * display path is relative and ends the file's path; null otherwise (the file is taken as given).
     */
    static Path rootOf(Path file, String displayPath) {
        if (displayPath == null || displayPath.isEmpty()) return null;
        Path shown;
        try {
            shown = Path.of(displayPath).normalize();
        } catch (RuntimeException e) {
            return null;
        }
        if (shown.isAbsolute() || shown.startsWith("..") || shown.toString().isEmpty()) return null;
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.endsWith(shown) || abs.getNameCount() <= shown.getNameCount()) return null;
        Path root = abs.getRoot() == null ? abs.subpath(0, abs.getNameCount() - shown.getNameCount())
                : abs.getRoot().resolve(abs.subpath(0, abs.getNameCount() - shown.getNameCount()));
        return Files.isDirectory(root) ? root : null;
    }

    /** Longer input text is quoted with its middle elided: a message stays a line, whatever the input. */
    public static final int MAX_QUOTED = 200;

    /**
     * A string in double quotes with quotes and backslashes escaped, for quoting input text in
     * messages; past {@link #MAX_QUOTED} characters, its start and end with the length between.
     */
    public static String quote(String s) {
        if (s.length() > MAX_QUOTED) {
            s = s.substring(0, 120) + "…(" + s.length() + " characters)…" + s.substring(s.length() - 60);
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
