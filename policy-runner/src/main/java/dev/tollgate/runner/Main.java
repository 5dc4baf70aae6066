package dev.tollgate.runner;

/**
 * {@code java -jar policy-runner.jar}: relaunches itself with the jar's class-data-sharing archive
 * when one was built beside it (see {@link FastStart}), otherwise runs the CLI in this JVM.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = FastStart.relaunchIfUseful(args);
        if (code < 0) code = Cli.run(args);
        System.exit(code);
    }
}
