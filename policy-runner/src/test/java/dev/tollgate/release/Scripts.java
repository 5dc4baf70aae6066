package dev.tollgate.release;

import dev.tollgate.fixtures.Corpus;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the release and action scripts (bash) as CI does, and reads action.yml's steps. */
final class Scripts {
    static final Path ROOT = Corpus.projectRoot();

    private Scripts() {
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** bash as GitHub runs a step's script ({@code bash --noprofile --norc -eo pipefail FILE}). */
    static Result bash(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("TOLLGATE_RELEASE_BASE");
        pb.environment().remove("TOLLGATE_JAR_SHA256");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("script", ".out");
        Path err = Files.createTempFile("script", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A step of action.yml's composite run, by id. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> actionStep(String id) throws IOException {
        Map<String, Object> action = new Yaml(new LoaderOptions()).load(Files.readString(ROOT.resolve("action.yml")));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
        return steps.stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no step " + id));
    }

    /** Runs one composite step's {@code run:} script with the given environment (the step's {@code env} is the caller's to give). */
    static Result runStep(String id, Path workDir, Map<String, String> env) throws IOException, InterruptedException {
        Path script = Files.createTempFile(workDir, "step-" + id, ".sh");
        Files.writeString(script, (String) actionStep(id).get("run"));
        return bash(workDir, env, List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
    }
}
