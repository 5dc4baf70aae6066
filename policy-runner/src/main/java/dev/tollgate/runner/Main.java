package dev.tollgate.runner;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar policy-runner.jar}: relaunches itself with the jar's class-data-sharing archive
 * when one was built beside it (see {@link FastStart}), otherwise runs the CLI in this JVM.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // stdout and stderr are UTF-8 whatever LANG or LC_ALL say (JDK 17 would follow the locale and
        // turn every non-ASCII character into '?'), so JSON is the same bytes everywhere.
        System.setOut(new PrintStream(new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FastStart.relaunchIfUseful(args);
            if (code < 0) code = Cli.run(args);
        } catch (Throwable e) {
            code = Cli.internalError(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), e,
                    java.util.Arrays.asList(args).contains("--debug"));
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
