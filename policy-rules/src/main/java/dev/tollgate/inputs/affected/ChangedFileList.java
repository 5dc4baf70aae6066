package dev.tollgate.inputs.affected;

import dev.tollgate.api.facts.ChangedFile;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code --changed-files} list: one repository-relative path a line (what {@code git diff
 * --name-only} prints). Blank lines and a trailing CR are ignored, a leading {@code ./} is dropped.
 * An absolute path, a {@code ..} segment, a backslash or a NUL is an input error at its line: such
 * a path cannot name a file of the repository, and guessing would give a wrong plan.
 */
public final class ChangedFileList {
    private ChangedFileList() {
    }

    public static List<ChangedFile> parse(String text, String display) {
        Set<String> seen = new LinkedHashSet<>();
        List<ChangedFile> files = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            String path = line.strip();
            if (path.isEmpty()) continue;
            int n = i + 1;
            if (path.indexOf('\0') >= 0) throw new InputException(display, n, 1, "a changed path contains a NUL byte");
            if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
                throw new InputException(display, n, 1, "changed path `" + path
                        + "` is absolute; list paths relative to the repository root (as `git diff --name-only` prints them)");
            }
            if (path.indexOf('\\') >= 0) {
                throw new InputException(display, n, 1, "changed path `" + path + "` contains a backslash; use `/` between directories");
            }
            while (path.startsWith("./")) path = path.substring(2);
            for (String segment : path.split("/")) {
                if (segment.equals("..")) {
                    throw new InputException(display, n, 1, "changed path `" + line.strip()
                            + "` contains `..`; list paths inside the repository, relative to its root");
                }
            }
            path = path.replaceAll("/{2,}", "/").replaceAll("(/\\.)+(/|$)", "/");
            if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            if (path.isEmpty() || path.equals(".")) continue;
            if (seen.add(path)) files.add(new ChangedFile(path, Location.of(display, n, 1)));
        }
        return files;
    }
}
