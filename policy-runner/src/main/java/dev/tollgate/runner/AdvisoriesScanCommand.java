package dev.tollgate.runner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.Policies;
import dev.tollgate.api.InputError;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code tollgate advisories scan}: the daily scan (RFC §4.4). Evaluates the default branch's checkout
 * against the latest database and prints, per un-triaged advisory affecting the workspace, an issue
 * title whose dedup key is {@code RUSTSEC-YYYY-NNNN: crate@version} and a Markdown body, so a
 * workflow can open or update one issue per advisory with {@code gh}.
 */
final class AdvisoriesScanCommand extends Command {
    private static final Set<String> KINDS = Set.of("vulnerability", "unsound", "unmaintained", "notice");

    @Override
    String name() {
        return "advisories scan";
    }

    @Override
    String summary() {
        return "List un-triaged advisories as issue titles and bodies (Markdown or JSON) for a daily workflow.";
    }

    @Override
    List<Option> options() {
        List<Option> o = new ArrayList<>(List.of(
                valued("repo", "DIR", "The repository root (default: the current directory)."),
                valued("config", "FILE", "The deny.toml to use (default: DIR/deny.toml)."),
                valued("advisory-db", "PATH|URL", "The RustSec advisory database (default: deny.toml's, else RustSec's)."),
                flag("offline", "Never touch the network (use the cached advisory database)."),
                valued("format", "FORMAT", "markdown or json (default: markdown)."),
                valued("output", "FILE", "Write to FILE instead of standard output.")));
        o.addAll(ruleOptions());
        return o;
    }

    /** One issue to open or update. */
    record Issue(String key, String title, String body, String advisory, String subject, String kind, String response) {
    }

    @Override
    int run(CommandLine line, PrintWriter out, PrintWriter err) throws IOException {
        String format = line.getOptionValue("format", "markdown");
        if (!format.equals("markdown") && !format.equals("json")) throw new Cli.UsageException("unknown format `" + format + "`; use markdown or json");
        Path repo = Path.of(line.getOptionValue("repo", "."));
        cacheOutsideRepo(line, repo);
        String config = line.getOptionValue("config");
        String cache = line.getOptionValue("cache-dir");
        PolicyEngine engine = Tollgate.engine(engineOptions(line));
        // the check's own path (CheckRun through the API), for the advisories policy alone
        CheckRequest request = CheckRequest.of(repo).withPolicies(Set.of(Policies.ADVISORIES))
                .withOffline(line.hasOption("offline")).withProgress(s -> {
                    // as check: only the advisory database's clone or fetch is shown, not the run's phases
                    if (!s.startsWith("tollgate: ")) return;
                    err.println(s);
                    err.flush();
                });
        if (config != null) request = request.withConfig(Path.of(config));
        if (line.getOptionValue("advisory-db") != null) request = request.withAdvisoryDb(line.getOptionValue("advisory-db"));
        if (cache != null) request = request.withCacheDir(Path.of(cache));
        Verdict verdict = engine.check(request);
        List<Issue> issues = new ArrayList<>();
        for (Finding f : verdict.findings()) {
            if (!f.policy().equals(Policies.ADVISORIES) || !KINDS.contains(f.code())) continue;
            issues.add(issue(f));
        }
        StringWriter text = new StringWriter();
        if (format.equals("json")) json(issues, text);
        else markdown(issues, text);
        // Markdown quotes advisory text: escaped, no line a workflow command (JSON keeps exact values).
        if (!format.equals("json")) text = new StringWriter().append(dev.tollgate.report.Printable.text(text.toString()));
        String output = line.getOptionValue("output");
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(output)), StandardCharsets.UTF_8))) {
                w.write(text.toString());
            } catch (IOException e) {
                throw new InputError(output, 0, 0, "cannot write: " + InputError.reason(e), e);
            }
        }
        return Cli.PASS;
    }

    static Issue issue(Finding f) {
        String id = str(f, "advisory");
        String key = id + ": " + f.subject();
        String title = key + " — " + str(f, "title");
        StringBuilder b = new StringBuilder();
        b.append("**").append(id).append("** (").append(f.code()).append(") affects `").append(f.subject()).append("`: ")
                .append(str(f, "title")).append("\n\n");
        if (!str(f, "url").isEmpty()) b.append("- Advisory: ").append(str(f, "url")).append('\n');
        b.append("- Database entry: https://rustsec.org/advisories/").append(id).append('\n');
        Object aliases = f.data().get("aliases");
        if (aliases instanceof List<?> l && !l.isEmpty()) b.append("- Aliases: ").append(join(l)).append('\n');
        if (f.data().get("cvss") != null) b.append("- CVSS: `").append(f.data().get("cvss")).append("`\n");
        Object patched = f.data().get("patched");
        b.append("- Patched: ").append(patched instanceof List<?> p && !p.isEmpty() ? join(p) : "no patched version").append('\n');
        b.append("\n### Where\n\n");
        b.append("- `").append(f.location()).append("`\n");
        Object path = f.data().get("path");
        if (path instanceof List<?> p && !p.isEmpty()) b.append("- Path: ").append(String.join(" → ", p.stream().map(String::valueOf).toList())).append('\n');
        b.append("- ").append(Boolean.TRUE.equals(f.data().get("direct")) ? "Direct" : "Transitive").append(" dependency");
        if (Boolean.TRUE.equals(f.data().get("devOnly"))) b.append(", dev-dependency only");
        if (Boolean.TRUE.equals(f.data().get("buildOnly"))) b.append(", build-dependency only");
        if (Boolean.TRUE.equals(f.data().get("optionalOnly"))) b.append(", only through optional features");
        b.append("\n\n### Suggested response: `").append(str(f, "response")).append("`\n\n");
        String advice = str(f, "advice"); // typed data of the finding, never its message text
        if (!advice.isEmpty()) b.append(Character.toUpperCase(advice.charAt(0))).append(advice.substring(1)).append(".\n");
        b.append("\n### To accept it instead, add to deny.toml `[advisories] ignore`\n\n```toml\n")
                .append("{ id = \"").append(id).append("\", reason = \"TODO: why this is acceptable\", tracking = \"#TODO\", expires = \"YYYY-MM-DD\" },\n")
                .append("```\n");
        return new Issue(key, title, b.toString(), id, f.subject(), f.code(), str(f, "response"));
    }

    private static String join(List<?> l) {
        return String.join(", ", l.stream().map(x -> "`" + x + "`").toList());
    }

    private static String str(Finding f, String key) {
        Object v = f.data().get(key);
        return v == null ? "" : String.valueOf(v);
    }

    static void markdown(List<Issue> issues, Writer w) throws IOException {
        if (issues.isEmpty()) {
            w.write("No un-triaged advisory affects this workspace.\n");
            return;
        }
        for (Issue i : issues) {
            w.write("## " + i.title() + "\n\n<!-- tollgate-advisory-key: " + i.key() + " -->\n\n" + i.body() + "\n");
        }
    }

    static void json(List<Issue> issues, Writer w) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("issues");
            for (Issue i : issues) {
                g.writeStartObject();
                g.writeStringField("key", i.key());
                g.writeStringField("title", i.title());
                g.writeStringField("advisory", i.advisory());
                g.writeStringField("subject", i.subject());
                g.writeStringField("kind", i.kind());
                g.writeStringField("response", i.response());
                g.writeStringField("body", i.body());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        w.write('\n');
    }
}
