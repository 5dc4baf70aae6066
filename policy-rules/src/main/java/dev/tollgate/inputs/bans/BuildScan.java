package dev.tollgate.inputs.bans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Reads what {@code [bans.build]} needs from a crate's files on disk: whether a file is a native executable (by
 * its first bytes: ELF, PE, Mach-O, optionally {@code ar} archives) or a {@code #!} script and with which
 * interpreter, SHA-256 checksums, and a bounded walk of a crate directory that follows no symbolic link.
 *
 * <p>Only the first bytes of a file are read to classify it (16, or up to 256 for a {@code #!} line), so file
 * size does not matter; checksums stream the file. A walk stops after {@link #MAX_FILES} files.
 */
public final class BuildScan {
    /** At most this many files of one crate are looked at. */
    public static final int MAX_FILES = 20_000;
    private static final int HEADER = 16;
    private static final int SHEBANG_MAX = 256;

    private BuildScan() {
    }

    /** What a file's header says: {@code kind} elf, pe, mach or archive; {@code interpreter} for a script. */
    public record Header(String kind, String interpreter) {
        static final Header NONE = new Header("", "");

        public boolean isNone() {
            return kind.isEmpty() && interpreter.isEmpty();
        }
    }

    /** Classifies the first bytes of a file named {@code fileName} (the name decides only for {@code .rs}). */
    public static Header classify(byte[] bytes, int length, String fileName, boolean includeArchives) {
        // As cargo-deny: a file shorter than 16 bytes is none of these.
        if (length < HEADER) return Header.NONE;
        if (startsWith(bytes, "!<arch>\n".getBytes(StandardCharsets.US_ASCII))) {
            return includeArchives ? new Header("archive", "") : Header.NONE;
        }
        if ((bytes[0] & 0xff) == 0x7f && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') return new Header("elf", "");
        if (bytes[0] == 'M' && bytes[1] == 'Z') return new Header("pe", "");
        long be = ((bytes[0] & 0xffL) << 24) | ((bytes[1] & 0xffL) << 16) | ((bytes[2] & 0xffL) << 8) | (bytes[3] & 0xffL);
        if (be == 0xfeedfaceL || be == 0xfeedfacfL || be == 0xcefaedfeL || be == 0xcffaedfeL) return new Header("mach", "");
        if (be == 0xcafebabeL) {
            // A universal (fat) Mach-O binary, unless it is a Java class file, whose next word is its version (>= 45).
            long next = ((bytes[4] & 0xffL) << 24) | ((bytes[5] & 0xffL) << 16) | ((bytes[6] & 0xffL) << 8) | (bytes[7] & 0xffL);
            return next < 45 ? new Header("mach", "") : Header.NONE;
        }
        if (bytes[0] != '#' || bytes[1] != '!') return Header.NONE;
        int end = -1;
        for (int i = 0; i < Math.min(length, SHEBANG_MAX); i++) {
            if (bytes[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) return Header.NONE;
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return Header.NONE;
        }
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        // A Rust inner attribute (#![...]) is not a shebang.
        if (fileName.endsWith(".rs") && line.startsWith("#![")) return Header.NONE;
        String rest = line.substring(2).strip();
        if (rest.isEmpty()) return Header.NONE;
        String[] words = rest.split("[ \t]+");
        String interpreter = words[0];
        if (interpreter.endsWith("/env")) {
            String next = null;
            for (int i = 1; i < words.length; i++) {
                if (!words[i].startsWith("-")) {
                    next = words[i];
                    break;
                }
            }
            if (next == null) return Header.NONE;
            interpreter = next;
        }
        int slash = interpreter.lastIndexOf('/');
        if (slash >= 0) interpreter = interpreter.substring(slash + 1);
        return interpreter.isEmpty() ? Header.NONE : new Header("", interpreter);
    }

    /** Reads a file's first bytes and classifies them. */
    public static Header inspect(Path file, boolean includeArchives) throws IOException {
        byte[] buf = new byte[SHEBANG_MAX];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (n < buf.length) {
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) break;
                n += r;
            }
        }
        return classify(buf, n, file.getFileName().toString(), includeArchives);
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * A glob as cargo-deny's globset reads it by default: {@code *} and {@code ?} also match {@code /}, so
     * {@code *.py} matches {@code tools/gen.py}. Matched against paths relative to the crate, with {@code /}.
     *
     * @throws IllegalArgumentException when the pattern does not compile
     */
    public static PathMatcher glob(String pattern) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                b.append(c).append(pattern.charAt(++i));
            } else if (c == '*') {
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) == '*') j++;
                b.append("**");
                i = j - 1;
            } else {
                b.append(c);
            }
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + b);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription(), e);
        }
    }

    /** One file of a walk: its path relative to the crate ({@code /}-separated) and its absolute path. */
    public record Entry(String relative, Path file, String error) {
    }

    /** The result of a walk: the files in path order, and whether the walk stopped at {@link #MAX_FILES}. */
    public record Walk(List<Entry> files, boolean truncated) {
    }

    /**
     * Every regular file under {@code root} in name order, skipping the root's {@code .git} folder. A symbolic
     * link is not followed: one whose target is a file inside the crate is read through it (as cargo-deny reads
     * it); one that leaves the crate, or is broken, is an entry with an error.
     */
    public static Walk walk(Path root) throws IOException {
        Path realRoot = root.toRealPath();
        List<Entry> out = new ArrayList<>();
        boolean[] truncated = {false};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.getParent() != null && dir.getParent().equals(root) && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (out.size() >= MAX_FILES) {
                    truncated[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (attrs.isSymbolicLink()) {
                    String error = "";
                    try {
                        Path target = file.toRealPath();
                        if (!target.startsWith(realRoot)) error = "a symbolic link to " + target + ", outside the crate: not followed";
                        else if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) return FileVisitResult.CONTINUE;
                    } catch (IOException e) {
                        error = "a broken symbolic link: " + e.getMessage();
                    }
                    out.add(new Entry(rel, file, error));
                } else if (attrs.isRegularFile()) {
                    out.add(new Entry(rel, file, ""));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                out.add(new Entry(root.relativize(file).toString().replace('\\', '/'), file,
                        "unreadable: " + exc.getClass().getSimpleName() + " " + exc.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(java.util.Comparator.comparing(Entry::relative));
        return new Walk(out, truncated[0]);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }
}
