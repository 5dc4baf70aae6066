package dev.tollgate.engine;

import dev.tollgate.api.RulesException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One {@code .drl} file: its name (the unit of replacement: a custom {@code sources.drl} replaces
 * the bundled one), where it came from (for error messages), and its text.
 */
public record RuleFile(String name, String origin, String content) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([A-Za-z_][\\w.]*)\\s*;?", Pattern.MULTILINE);

    public String sha256() {
        return sha256(content);
    }

    /** The DRL package the file declares, or null. Comments are blanked first so a commented-out package does not count. */
    public String drlPackage() {
        Matcher m = PACKAGE.matcher(stripComments(content));
        return m.find() ? m.group(1) : null;
    }

    /**
     * Every {@code *.drl} directly in {@code dir}, sorted by name. A {@code .drl} file in a subdirectory is
     * refused (exit 2) rather than ignored: a file name is what replaces a shipped file, and two
     * subdirectories could hold the same name. Subdirectories of other files (scenarios) are fine.
     */
    public static List<RuleFile> readDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RulesException(List.of(new RulesException.Problem(dir.toString(), 0, 0, "rules directory not found")));
        }
        List<RulesException.Problem> nested = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir, 32)) {
            for (Path p : all.filter(p -> p.getFileName().toString().endsWith(".drl") && !dir.equals(p.getParent())).sorted().toList()) {
                nested.add(new RulesException.Problem(p.toString(), 0, 0, "rules in a subdirectory are not read; move the file into "
                        + dir + ", or pass its directory with another --rules"));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RulesException(List.of(new RulesException.Problem(dir.toString(), 0, 0, "cannot read: " + e.getMessage())));
        }
        if (!nested.isEmpty()) throw new RulesException(nested);
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList()) {
                files.add(new RuleFile(p.getFileName().toString(), p.toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new RulesException(List.of(new RulesException.Problem(dir.toString(), 0, 0, "cannot read: " + e.getMessage())));
        } catch (java.io.UncheckedIOException e) {
            throw new RulesException(List.of(new RulesException.Problem(dir.toString(), 0, 0, "cannot read: " + e.getCause().getMessage())));
        }
        return files;
    }

    public static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces comments with spaces, keeping line structure (so positions stay valid). */
    public static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        boolean inString = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < s.length()) out.append(s.charAt(++i));
                else if (c == '"') inString = false;
                i++;
            } else if (c == '"') {
                inString = true;
                out.append(c);
                i++;
            } else if (s.startsWith("//", i) || s.startsWith("#", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) out.append(s.charAt(i) == '\n' ? '\n' : ' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
