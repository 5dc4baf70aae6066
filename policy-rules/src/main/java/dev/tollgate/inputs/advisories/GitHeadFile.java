package dev.tollgate.inputs.advisories;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A repository's HEAD commit id read from {@code .git/HEAD}, loose refs and {@code packed-refs} with
 * plain file reads, so that a cache lookup does not load JGit. Null when it cannot tell (JGit then
 * decides, or the cache is not used).
 */
final class GitHeadFile {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    private GitHeadFile() {
    }

    static String head(Path workTree) {
        Path git = workTree.resolve(".git");
        if (!Files.isDirectory(git)) return null;
        try {
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
            if (SHA.matcher(head).matches()) return head;
            if (!head.startsWith("ref: ")) return null;
            String ref = head.substring(5).strip();
            if (ref.contains("..")) return null;
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String id = Files.readString(loose, StandardCharsets.UTF_8).strip();
                return SHA.matcher(id).matches() ? id : null;
            }
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref) && line.length() > 41 && SHA.matcher(line.substring(0, 40)).matches()) {
                        return line.substring(0, 40);
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
