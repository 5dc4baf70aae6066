package dev.tollgate.engine;

import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With any SLF4J backend, building the engine from the shipped rules and checking the demo logs no warning
 * (Drools' EvalCondition used to warn about every {@code eval} over variables of earlier patterns; the rules
 * put those constraints in their patterns instead). Drools counts such warnings in a static field and goes
 * quiet after ten, so the engine is built in a JVM of its own, whose SLF4J provider is {@link Capture}.
 */
class ShippedRulesLogNoWarningsTest {
    @Test
    void buildingTheEngineAndCheckingTheDemoLogsNoWarning() throws Exception {
        Path demo = Corpus.projectRoot().resolve("test-fixtures/demo");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dslf4j.provider=" + Capture.class.getName(), "-Dslf4j.internal.verbosity=WARN",
                "-cp", System.getProperty("java.class.path"), BuildAndCheck.class.getName(), demo.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the child JVM ends");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("checked: FAIL"), out);
        assertEquals(List.of(), out.lines().filter(l -> l.startsWith("WARN ") || l.startsWith("ERROR ")).toList(),
                "Drools logs nothing at WARN or above while the engine is built and run");
    }

    /** The child: builds the engine from the shipped rules (all of them) and checks the demo. */
    public static final class BuildAndCheck {
        public static void main(String[] args) throws IOException {
            PolicyEngine engine = Tollgate.engine(EngineOptions.bundled());
            Path demo = Path.of(args[0]);
            var verdict = engine.check(CheckRequest.of(demo).withMetadata(demo.resolve("cargo-metadata.json"))
                    .withAdvisoryDb(demo.resolve("../advisory-db").toString()).withOffline(true));
            System.out.println("checked: " + verdict.outcome());
        }
    }

    /** An SLF4J 2 provider that prints every event at INFO or above as {@code LEVEL logger - message}. */
    public static final class Capture implements SLF4JServiceProvider {
        private final ILoggerFactory factory = Line::new;
        private final IMarkerFactory markers = new BasicMarkerFactory();
        private final MDCAdapter mdc = new NOPMDCAdapter();

        @Override
        public ILoggerFactory getLoggerFactory() {
            return factory;
        }

        @Override
        public IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {
        }
    }

    private static final class Line extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        Line(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] args, Throwable t) {
            System.out.println(level + " " + name + " - " + MessageFormatter.basicArrayFormat(message, args)
                    + (t == null ? "" : " (" + t + ")"));
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
