package dev.tollgate.inputs.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The finding codes the shipped {@code rules/workflows.drl} declares, which {@code [workflows.levels]}
 * accepts as keys, read from the rules' own {@code @code} metadata (the one place a code is spelt)
 * before any engine is built. A reader, not the engine's rule parser: the inputs layer does not
 * depend on the engine (ArchUnit's LayeringTest), and a code is one annotation on its own line.
 * {@code WorkflowsCodesTest} holds it equal to the codes the built engine reports.
 */
public final class WorkflowsCodes {
    /** Where the build puts the shipped rule sources on the class path ({@code RulesIndex.BUNDLED_DRL_DIR}). */
    static final String RESOURCE = "tollgate/rules/workflows.drl";
    private static final Pattern CODE = Pattern.compile("^\\s*@code\\(\\s*\"([^\"]+)\"\\s*\\)\\s*$");
    private static volatile Set<String> declared;

    private WorkflowsCodes() {
    }

    /**
     * The codes of the shipped workflows rules.
     *
     * @return every code an {@code @code("…")} line of the shipped workflows.drl names, outside comments
     */
    public static Set<String> declared() {
        Set<String> d = declared;
        if (d == null) {
            try (InputStream in = WorkflowsCodes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path (was policy-rules built with Maven?)");
                declared = d = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return d;
    }

    static Set<String> parse(String drl) {
        Set<String> out = new TreeSet<>();
        boolean inBlock = false;
        for (String line : drl.split("\n", -1)) {
            if (inBlock) {
                if (line.contains("*/")) inBlock = false;
                continue;
            }
            String t = line.strip();
            if (t.startsWith("/*")) {
                inBlock = !t.contains("*/");
                continue;
            }
            Matcher m = CODE.matcher(line);
            if (m.matches()) out.add(m.group(1));
        }
        return Collections.unmodifiableSet(out);
    }
}
