package dev.tollgate.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The index that travels with compiled rules: which DRL file (by name and content hash) produced
 * which Model class, and the Drools version that generated it. Plain text, one line per file:
 * {@code model FILE SHA256 PACKAGE MODEL-CLASS}.
 */
public record RulesIndex(String droolsVersion, List<ModelEntry> models) {
    /** One compiled DRL file: its package and the Model class generated for it. */
    public record ModelEntry(String file, String sha256, String drlPackage, String modelClass) {
    }

    /** Where the bundled index lives on the class path. */
    public static final String BUNDLED_RESOURCE = "META-INF/tollgate/rules.index";
    /** Where the bundled DRL sources live on the class path (for {@code rules check} and explain). */
    public static final String BUNDLED_DRL_DIR = "tollgate/rules/";

    public String write() {
        StringBuilder s = new StringBuilder("# Tollgate compiled rules: generated, do not edit\n");
        s.append("drools ").append(droolsVersion).append('\n');
        for (ModelEntry m : models) {
            s.append("model ").append(m.file()).append(' ').append(m.sha256()).append(' ')
                    .append(m.drlPackage()).append(' ').append(m.modelClass()).append('\n');
        }
        return s.toString();
    }

    public static RulesIndex read(InputStream in) throws IOException {
        String drools = null;
        List<ModelEntry> models = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] p = line.trim().split(" ");
            if (p[0].equals("drools") && p.length == 2) {
                drools = p[1];
            } else if (p[0].equals("model") && p.length == 5) {
                models.add(new ModelEntry(p[1], p[2], p[3], p[4]));
            } else {
                throw new IOException("unreadable rules index line: " + line);
            }
        }
        if (drools == null) throw new IOException("rules index without a drools line");
        return new RulesIndex(drools, models);
    }
}
