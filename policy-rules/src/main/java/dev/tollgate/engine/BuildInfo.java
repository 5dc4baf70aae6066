package dev.tollgate.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions stamped into the build: Tollgate's own and the Drools it compiles rules with. */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    public static String tollgateVersion() {
        return PROPS.getProperty("tollgate.version", "dev");
    }

    public static String droolsVersion() {
        return PROPS.getProperty("drools.version", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // Versions are informational here; the defaults above say that they are unknown.
        }
        return p;
    }
}
