package dev.tollgate.inputs.workflows;

import dev.tollgate.api.facts.ActionRef;
import dev.tollgate.api.facts.CalledScript;
import dev.tollgate.api.facts.DependabotUpdate;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.RunCommand;
import dev.tollgate.api.facts.SecurityPolicy;
import dev.tollgate.api.facts.Workflow;
import dev.tollgate.api.facts.WorkflowJob;
import dev.tollgate.api.facts.WorkflowProblem;
import dev.tollgate.api.facts.WorkflowStep;
import dev.tollgate.inputs.io.ContentCache;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a repository's {@code .github/} into facts for the workflows policy: workflow files
 * ({@code .github/workflows/*.yml|yaml}), composite and Docker actions ({@code action.yml|yaml} at
 * the root and under {@code .github/actions/}), workflow files GitHub would not load (in a sub-folder
 * of {@code .github/workflows/} or a folder like {@code .github/_workflows/}),
 * {@code .github/dependabot.yml}, the scripts that steps run, and whether a SECURITY.md exists.
 *
 * <p>Files come from pull requests and are read as hostile (see {@link YamlFile}); a file that cannot
 * be read becomes a {@link WorkflowProblem} at its file:line, and the others are still read.
 */
public final class WorkflowsReader {
    static final int MAX_SCRIPT_BYTES = 256 << 10;

    private final Path repo;
    private final List<Object> facts = new ArrayList<>();
    private final Set<String> scripts = new TreeSet<>();

    private WorkflowsReader(Path repo) {
        this.repo = repo;
    }

    /** Every fact of the repository's {@code .github/} (empty when it has none). */
    public static List<Object> read(Path repo) {
        WorkflowsReader r = new WorkflowsReader(repo);
        r.readAll();
        return r.facts;
    }

    private void readAll() {
        Path github = repo.resolve(".github");
        Path workflows = github.resolve("workflows");
        if (Files.isSymbolicLink(workflows)) {
            // Files.walk does not follow it, so every workflow behind it would go unchecked without a word
            facts.add(new WorkflowProblem(display(workflows), "is a symbolic link, which Tollgate does not follow, so no workflow "
                    + "in it was checked; make .github/workflows/ a real folder", Location.file(display(workflows))));
        }
        for (Path f : yamlFiles(workflows, 1)) readWorkflow(f, "workflow");
        if (Files.isDirectory(workflows, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> odd = Files.list(workflows)) {
                for (Path f : odd.sorted().toList()) {
                    String n = f.getFileName().toString();
                    String lower = n.toLowerCase(Locale.ROOT);
                    if ((lower.endsWith(".yml") || lower.endsWith(".yaml")) && !n.endsWith(".yml") && !n.endsWith(".yaml")) {
                        facts.add(new WorkflowProblem(display(f), "its extension is not .yml or .yaml in lower case: whether GitHub "
                                + "loads it is not something Tollgate vouches for, so it was not checked; rename it", Location.file(display(f))));
                    }
                }
            } catch (IOException e) {
                facts.add(new WorkflowProblem(display(workflows), "the folder could not be listed (" + e.getClass().getSimpleName()
                        + "), so its files were not checked", Location.file(display(workflows))));
            }
        }
        for (Path f : yamlFiles(workflows, 8)) {
            if (!f.getParent().equals(workflows)) readWorkflow(f, "misplaced");
        }
        if (Files.isDirectory(github)) {
            try (Stream<Path> dirs = Files.list(github)) {
                for (Path d : dirs.sorted().toList()) {
                    String n = d.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (Files.isDirectory(d) && !n.equals("workflows") && n.contains("workflow")) {
                        for (Path f : yamlFiles(d, 8)) readWorkflow(f, "misplaced");
                    }
                }
            } catch (IOException ignored) {
                // an unreadable .github is the same as none
            }
        }
        for (String name : List.of("action.yml", "action.yaml")) {
            if (dev.tollgate.inputs.io.InputFiles.present(repo.resolve(name))) readAction(repo.resolve(name));
        }
        for (Path f : yamlFiles(github.resolve("actions"), 8)) {
            String n = f.getFileName().toString();
            if (n.equals("action.yml") || n.equals("action.yaml")) readAction(f);
        }
        readLocalActions();
        for (String name : List.of("dependabot.yml", "dependabot.yaml")) {
            if (dev.tollgate.inputs.io.InputFiles.present(github.resolve(name))) readDependabot(github.resolve(name));
        }
        String security = "";
        for (String p : List.of("SECURITY.md", ".github/SECURITY.md", "docs/SECURITY.md")) {
            if (Files.isRegularFile(repo.resolve(p))) {
                security = p;
                break;
            }
        }
        facts.add(new SecurityPolicy(!security.isEmpty(), security));
        for (String s : scripts) facts.add(readScript(s));
    }

    /**
     * Every YAML file under {@code dir}, sorted: all of them, with no cap (a cap would let files named to
     * sort first push the real workflow out of the check). A folder that cannot be listed is a
     * {@link WorkflowProblem}, never a silent "no files".
     */
    /** Folders named like YAML files already reported (the workflows folder is listed twice). */
    private final java.util.Set<Path> foldersNamedYaml = new java.util.HashSet<>();

    private List<Path> yamlFiles(Path dir, int depth) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir, depth)) {
            List<Path> out = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".yml") && !n.endsWith(".yaml")) continue;
                if (!Files.isDirectory(f)) {
                    out.add(f);
                } else if (!f.equals(dir) && foldersNamedYaml.add(f)) {
                    // a folder, or a link to one, named like a workflow file: skipping it without a word would
                    // hide whatever it was meant to hold (a link's target is not followed)
                    String d = display(f);
                    facts.add(new WorkflowProblem(d, (Files.isSymbolicLink(f) ? "is a symbolic link to a folder" : "is a folder")
                            + " named like a workflow file, so nothing was checked as the workflow it names; "
                            + "make it a file, or rename it", Location.file(d)));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            String d = display(dir);
            facts.add(new WorkflowProblem(d, "the folder could not be listed (" + e.getClass().getSimpleName()
                    + "), so its files were not checked", Location.file(d)));
            return List.of();
        }
    }

    private String display(Path f) {
        // both absolute: `--repo .` is relative, and the local actions are resolved from its absolute form
        return repo.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private YamlFile open(Path f) {
        String display = display(f);
        return open(display, dev.tollgate.inputs.io.InputFiles.readBytes(f, display, dev.tollgate.inputs.io.InputFiles.Kind.WORKFLOW));
    }

    private YamlFile open(String display, byte[] bytes) {
        try {
            YamlFile y = YamlFile.parse(bytes, display);
            if (y.root == null) throw new YamlFile.Problem(0, 0, "is empty");
            if (!(y.root instanceof MappingNode)) {
                throw new YamlFile.Problem(y.root, "the document is a " + kindOf(y.root) + ", not a mapping");
            }
            return y;
        } catch (YamlFile.Problem p) {
            facts.add(new WorkflowProblem(display, p.getMessage(), Location.of(display, p.line, p.column)));
            return null;
        }
    }

    private static String kindOf(Node n) {
        return switch (n.getNodeId()) {
            case sequence -> "list";
            case scalar -> "single value";
            default -> n.getNodeId().name();
        };
    }

    // --- workflows ----------------------------------------------------------------------------

    /**
     * What one workflow file gave, by its bytes ({@link ContentCache}): the facts, the scripts its steps run,
     * and what {@link #isTollgate} answered for the local actions it uses (read from other files, so asked
     * again on every hit, and a hit only when every answer is the same). Composing the YAML and walking it
     * was half of a warm {@code check}'s reading on ZeroClaw (28 workflows, 280 KB).
     */
    private static final ContentCache<WorkflowKey, WorkflowRead> WORKFLOWS = new ContentCache<>(512);

    /** Everything {@link #readWorkflow(Path, String)}'s result depends on but the local actions' answers. */
    private record WorkflowKey(String display, String kind, String sha256) {
    }

    private record WorkflowRead(List<Object> facts, List<String> scripts, Map<String, Boolean> localActions) {
    }

    /** While one workflow file is read: the scripts its steps run, and the local actions asked about; else null. */
    private List<String> scriptsOfFile;
    private Map<String, Boolean> localActionsOfFile;

    private void readWorkflow(Path f, String kind) {
        String display = display(f);
        // read (with every check of the one input reader) on every run; only what follows is saved
        byte[] bytes = dev.tollgate.inputs.io.InputFiles.readBytes(f, display, dev.tollgate.inputs.io.InputFiles.Kind.WORKFLOW);
        if (!ContentCache.enabled()) {
            readWorkflow(display, bytes, kind);
            return;
        }
        WorkflowKey key = new WorkflowKey(display, kind, ContentCache.sha256(bytes));
        WorkflowRead hit = WORKFLOWS.get(key);
        if (hit != null && sameAnswers(hit.localActions())) {
            facts.addAll(hit.facts());
            scripts.addAll(hit.scripts());
            return;
        }
        int before = facts.size();
        scriptsOfFile = new ArrayList<>();
        localActionsOfFile = new LinkedHashMap<>();
        try {
            readWorkflow(display, bytes, kind);
            WORKFLOWS.put(key, new WorkflowRead(java.util.Collections.unmodifiableList(new ArrayList<>(facts.subList(before, facts.size()))),
                    List.copyOf(scriptsOfFile), Map.copyOf(localActionsOfFile)));
        } finally {
            scriptsOfFile = null;
            localActionsOfFile = null;
        }
    }

    /** Whether {@link #isTollgate} answers as it did when a cached file was read (asking it, as reading would). */
    private boolean sameAnswers(Map<String, Boolean> answers) {
        for (Map.Entry<String, Boolean> a : answers.entrySet()) {
            if (isTollgate(a.getKey()) != a.getValue()) return false;
        }
        return true;
    }

    private void readWorkflow(String display, byte[] bytes, String kind) {
        YamlFile y = open(display, bytes);
        if (y == null) return;
        List<Object> out = new ArrayList<>();
        try {
            readWorkflow(y, kind, out);
            facts.addAll(out);
        } catch (YamlFile.Problem p) {
            facts.add(new WorkflowProblem(y.display, p.getMessage(), Location.of(y.display, p.line, p.column)));
        }
    }

    private void readWorkflow(YamlFile y, String kind, List<Object> out) {
        Map<String, NodeTuple> top = y.mapping(y.root);
        String name = YamlFile.scalar(YamlFile.value(top.get("name")));
        // `on` is a YAML 1.1 boolean, but SnakeYAML keeps the key's text.
        NodeTuple on = top.get("on");
        List<String> triggers = new ArrayList<>();
        Map<String, Location> triggerAt = new LinkedHashMap<>();
        List<String> schedules = new ArrayList<>();
        if (on != null) {
            Node v = on.getValueNode();
            if (v instanceof ScalarNode s) {
                triggers.add(s.getValue());
                triggerAt.put(s.getValue(), y.at(s));
            } else if (v instanceof MappingNode) {
                for (Map.Entry<String, NodeTuple> e : y.mapping(v).entrySet()) {
                    triggers.add(e.getKey());
                    triggerAt.put(e.getKey(), y.at(e.getValue().getKeyNode()));
                    if (e.getKey().equals("schedule")) {
                        for (Node c : y.sequence(e.getValue().getValueNode())) {
                            String cron = YamlFile.scalar(y.get(c, "cron"));
                            if (!cron.isEmpty()) schedules.add(cron);
                        }
                    }
                }
            } else {
                for (Node t : y.sequence(v)) {
                    if (t instanceof ScalarNode s) {
                        triggers.add(s.getValue());
                        triggerAt.put(s.getValue(), y.at(s));
                    }
                }
            }
        }
        Map<String, String> permissions = permissions(y, YamlFile.value(top.get("permissions")));
        Map<String, String> env = y.scalarMap(YamlFile.value(top.get("env")));
        NodeTuple jobsKey = top.get("jobs");
        Location jobsAt = jobsKey != null ? y.at(jobsKey.getKeyNode()) : Location.of(y.display, 1, 1);
        out.add(new Workflow(y.display, name, kind, triggers, triggerAt, schedules, permissions, jobsAt,
                Location.of(y.display, 1, 1), CommandText.anyDaily(schedules)));
        // GitHub never runs a file it does not load (a sub-folder of .github/workflows/, or a folder like
        // .github/_workflows/): its jobs and steps are not facts, so no rule judges code that cannot run.
        // The Workflow fact stays, so the rules can say that the file is not loaded.
        if (jobsKey == null || kind.equals("misplaced")) return;

        Map<String, NodeTuple> jobs = y.mapping(jobsKey.getValueNode());
        Map<String, List<String>> needsOf = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : jobs.entrySet()) {
            needsOf.put(e.getKey(), y.scalars(y.get(e.getValue().getValueNode(), "needs")));
        }
        for (Map.Entry<String, NodeTuple> e : jobs.entrySet()) {
            String id = e.getKey();
            Node job = e.getValue().getValueNode();
            Map<String, NodeTuple> j = y.mapping(job);
            NodeTuple needs = j.get("needs");
            NodeTuple cond = j.get("if");
            NodeTuple uses = j.get("uses");
            Map<String, String> jobPerms = j.containsKey("permissions")
                    ? permissions(y, YamlFile.value(j.get("permissions"))) : permissions;
            List<String> matrix = new ArrayList<>();
            Node strategy = YamlFile.value(j.get("strategy"));
            if (strategy != null) matrix.addAll(y.mapping(y.get(strategy, "matrix")).keySet());
            String usesText = uses != null ? YamlFile.scalar(uses.getValueNode()) : "";
            NodeTuple coe = j.get("continue-on-error");
            String condText = YamlFile.scalar(YamlFile.value(cond));
            // The steps first: whether the job fails on bad results is read from their text.
            Map<String, String> jobEnv = new LinkedHashMap<>(env);
            jobEnv.putAll(y.scalarMap(YamlFile.value(j.get("env"))));
            List<Object> steps = new ArrayList<>();
            readSteps(y, id, YamlFile.value(j.get("steps")), jobEnv, steps);
            List<String> stepScripts = new ArrayList<>();
            for (Object o : steps) if (o instanceof WorkflowStep s) stepScripts.add(s.script());
            out.add(new WorkflowJob(y.display, id, YamlFile.scalar(YamlFile.value(j.get("name"))), needsOf.get(id),
                    closure(id, needsOf), condText, jobPerms, usesText, matrix,
                    YamlFile.scalar(YamlFile.value(coe)).trim(), IfAfterFailure.evaluate(condText),
                    needs != null ? y.at(needs.getKeyNode()) : y.at(e.getValue().getKeyNode()),
                    cond != null ? y.at(cond.getKeyNode()) : y.at(e.getValue().getKeyNode()),
                    coe != null ? y.at(coe.getKeyNode()) : y.at(e.getValue().getKeyNode()),
                    y.at(e.getValue().getKeyNode()), y.plainMap(job), CommandText.failsOnBadResults(String.join("\n", stepScripts))));
            if (uses != null) out.add(actionRef(y, id, uses, true));
            out.addAll(steps);
        }
    }

    private static Map<String, String> permissions(YamlFile y, Node n) {
        if (n == null) return Map.of();
        if (n instanceof ScalarNode s) return Map.of("*", s.getValue());
        return y.scalarMap(n);
    }

    /** Every job that {@code id} waits for, directly or not (cycles and unknown ids are tolerated). */
    static List<String> closure(String id, Map<String, List<String>> needsOf) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(needsOf.getOrDefault(id, List.of()));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (seen.add(n)) todo.addAll(needsOf.getOrDefault(n, List.of()));
        }
        seen.remove(id);
        return new ArrayList<>(seen);
    }

    private void readSteps(YamlFile y, String jobId, Node steps, Map<String, String> env, List<Object> out) {
        int index = 0;
        for (Node step : y.sequence(steps)) {
            Map<String, NodeTuple> s = y.mapping(step);
            NodeTuple uses = s.get("uses");
            NodeTuple run = s.get("run");
            String usesText = uses != null ? YamlFile.scalar(uses.getValueNode()) : "";
            String runText = run != null ? YamlFile.scalar(run.getValueNode()) : "";
            NodeTuple coe = s.get("continue-on-error");
            Node with = YamlFile.value(s.get("with"));
            Map<String, Location> withAt = new LinkedHashMap<>();
            if (with instanceof MappingNode) {
                for (Map.Entry<String, NodeTuple> w : y.mapping(with).entrySet()) withAt.put(w.getKey(), y.at(w.getValue().getKeyNode()));
            }
            out.add(new WorkflowStep(y.display, jobId, index, YamlFile.scalar(YamlFile.value(s.get("name"))),
                    usesText, runText, YamlFile.scalar(YamlFile.value(s.get("if"))), y.scalarMap(with), y.scalarMap(YamlFile.value(s.get("env"))),
                    YamlFile.scalar(YamlFile.value(coe)).trim(), isTollgate(usesText.trim()), withAt,
                    coe != null ? y.at(coe.getKeyNode()) : y.at(step), y.at(step), y.plainMap(step)));
            if (uses != null) out.add(actionRef(y, jobId, uses, false));
            if (run != null && run.getValueNode() instanceof ScalarNode) {
                Map<String, String> stepEnv = new LinkedHashMap<>(env);
                stepEnv.putAll(y.scalarMap(YamlFile.value(s.get("env"))));
                commands(y, jobId, index, run.getValueNode(), stepEnv.getOrDefault("RUSTFLAGS", ""), out);
            }
            index++;
        }
    }

    /**
     * Whether {@code uses} is the Tollgate action: a remote {@code OWNER/tollgate[@ref]}, or a local
     * {@code ./path} (inside the repository) whose {@code action.yml} is named Tollgate or has a
     * {@code fail-on-findings} input.
     */
    private boolean isTollgate(String uses) {
        if (uses.isEmpty() || uses.startsWith("docker://")) return false;
        if (uses.startsWith("./")) {
            boolean local = tollgateActions.computeIfAbsent(uses, this::isLocalTollgate);
            if (localActionsOfFile != null) localActionsOfFile.put(uses, local);
            return local;
        }
        int at = uses.lastIndexOf('@');
        String[] parts = (at < 0 ? uses : uses.substring(0, at)).split("/");
        return parts.length == 2 && parts[1].equalsIgnoreCase("tollgate");
    }

    private final Map<String, Boolean> tollgateActions = new LinkedHashMap<>();

    private boolean isLocalTollgate(String uses) {
        Path root = repo.toAbsolutePath().normalize();
        Path dir = root.resolve(uses.substring(2)).normalize();
        if (!dir.startsWith(root)) return false;
        for (String name : List.of("action.yml", "action.yaml")) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) continue;
            try {
                // a symlink out of the checkout is not this repository's action
                if (!f.toRealPath().startsWith(root.toRealPath())) return false;
                YamlFile y = YamlFile.read(f, display(f));
                if (!(y.root instanceof MappingNode)) return false;
                Map<String, NodeTuple> top = y.mapping(y.root);
                if (YamlFile.scalar(YamlFile.value(top.get("name"))).trim().equalsIgnoreCase("tollgate")) return true;
                Node inputs = YamlFile.value(top.get("inputs"));
                return inputs instanceof MappingNode && y.mapping(inputs).containsKey("fail-on-findings");
            } catch (IOException | RuntimeException e) { // YamlFile.Problem included: an unreadable action is not Tollgate
                return false;
            }
        }
        return false;
    }

    static final Pattern DOCKER = Pattern.compile("docker://([^@]+?)(?:@(sha256:[0-9a-fA-F]+))?");

    private ActionRef actionRef(YamlFile y, String jobId, NodeTuple uses, boolean reusable) {
        String text = YamlFile.scalar(uses.getValueNode()).trim();
        String comment = y.trailingComment(uses.getValueNode());
        Location at = y.at(uses.getKeyNode());
        if (text.startsWith("./") || text.startsWith(".\\")) {
            return new ActionRef(y.display, jobId, text, "", comment, true, false, reusable, at);
        }
        if (text.startsWith("docker://")) {
            Matcher m = DOCKER.matcher(text);
            String image = text.substring("docker://".length());
            String ref = "";
            if (m.matches()) {
                image = m.group(1);
                if (m.group(2) != null) ref = m.group(2);
            }
            if (ref.isEmpty()) {
                int colon = image.lastIndexOf(':');
                if (colon > image.lastIndexOf('/')) {
                    ref = image.substring(colon + 1);
                    image = image.substring(0, colon);
                }
            }
            return new ActionRef(y.display, jobId, image, ref, comment, false, true, reusable, at);
        }
        int atSign = text.lastIndexOf('@');
        String action = atSign < 0 ? text : text.substring(0, atSign);
        String ref = atSign < 0 ? "" : text.substring(atSign + 1);
        return new ActionRef(y.display, jobId, action, ref, comment, false, false, reusable, at);
    }

    // --- run scripts --------------------------------------------------------------------------

    static final Pattern CARGO = Pattern.compile("(?:^|[\\s(`$])(cargo|cross)\\s+(?:\\+\\S+\\s+)?([a-z][a-z0-9_-]*)");
    static final Pattern SCRIPT = Pattern.compile("^(?:\\w+=\\S*\\s+)*(?:(?:bash|sh|zsh|pwsh|python3?|node)\\s+(?:-\\S+\\s+)*)?(\\.?/?[\\w./-]+\\.(?:sh|bash|py|ps1|js))(?:\\s|$)");
    static final Pattern GH_RELEASE = Pattern.compile("(?:^|\\s)gh\\s+release\\s+(?:create|upload)\\b");
    static final Pattern SEPARATORS = Pattern.compile("&&|\\|\\||;|\\|");

    private void commands(YamlFile y, String jobId, int stepIndex, Node run, String rustflags, List<Object> out) {
        String text = YamlFile.scalar(run);
        int first = run.getStartMark().getLine();
        int last = Math.min(run.getEndMark().getLine(), y.lines.length - 1);
        if (YamlFile.isBlock(run)) first++;
        int cursor = first;
        String[] physical = text.split("\n", -1);
        List<String> logicals = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int logicalLine = -1;
        for (String p : physical) {
            String trimmed = p.trim();
            int line = find(y, trimmed, cursor, last);
            if (line >= 0) cursor = line;
            if (logical.isEmpty()) logicalLine = line >= 0 ? line : cursor;
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            logicals.add(logical.toString());
            lineOf.add(logicalLine);
            logical.setLength(0);
        }
        if (!logical.isEmpty()) {
            logicals.add(logical.toString());
            lineOf.add(logicalLine);
        }
        List<List<ExitMasks.Command>> masks = ExitMasks.byLine(ExitMasks.analyse(logicals), logicals.size());
        Map<String, Location> maskAt = new java.util.HashMap<>();
        for (int i = 0; i < logicals.size(); i++) {
            emit(y, jobId, stepIndex, logicals.get(i), i, masks, maskAt, lineOf, rustflags, out);
        }
    }

    /** The 0-based line in {@code [from, to]} whose text contains {@code needle}, or -1. */
    private static int find(YamlFile y, String needle, int from, int to) {
        if (needle.isEmpty()) return -1;
        for (int i = Math.max(0, from); i <= to && i < y.lines.length; i++) if (y.lines[i].contains(needle)) return i;
        return -1;
    }

    static final Pattern TOLLGATE = Pattern.compile(
            "(?:^|[\\s/\"'])(?:policy-runner|tollgate)[\\w.-]*\\.jar\\b|^(?:\\w+=\\S*\\s+)*(?:exec\\s+)?(?:\\S*/)?tollgate(?:\\s|$)");

    private void emit(YamlFile y, String jobId, int stepIndex, String line, int logicalIndex, List<List<ExitMasks.Command>> masks,
                      Map<String, Location> maskAt, List<Integer> lineOf, String rustflags, List<Object> out) {
        String stripped = line.trim();
        if (stripped.isEmpty() || stripped.startsWith("#")) return;
        int lineIndex = lineOf.get(logicalIndex);
        String raw = lineIndex >= 0 && lineIndex < y.lines.length ? y.lines[lineIndex] : "";
        int col = raw.length() - raw.stripLeading().length() + 1;
        Location at = Location.of(y.display, lineIndex + 1, col);
        int lead = line.indexOf(stripped);
        Matcher sep = SEPARATORS.matcher(stripped);
        int from = 0;
        while (from <= stripped.length()) {
            int to = sep.find(from) ? sep.start() : stripped.length();
            String segment = stripped.substring(from, to);
            int offset = lead + from + (segment.length() - segment.stripLeading().length());
            from = to < stripped.length() ? sep.end() : stripped.length() + 1;
            String seg = segment.trim();
            if (seg.isEmpty()) continue;
            ExitMasks.Command m = ExitMasks.at(masks, logicalIndex, offset);
            String mask = m != null ? m.mask() : "";
            // one search of the line per kind of mask (a long line may hold thousands of masked commands)
            Location maskLoc = mask.isEmpty() ? Location.NONE : maskAt.computeIfAbsent(
                    lineOf.get(m.maskLine()) + (mask.startsWith("||") ? "|" : mask.startsWith(";") ? ";" : "s"),
                    k -> maskLocation(y, lineOf.get(m.maskLine()), mask, at));
            Matcher c = CARGO.matcher(seg);
            if (c.find()) {
                out.add(new RunCommand(y.display, jobId, stepIndex, "cargo " + c.group(2), "", seg, rustflags, mask, maskLoc, at,
                        CommandText.deniesWarnings(seg, rustflags), CommandText.checksAdvisories("cargo " + c.group(2), seg)));
                continue;
            }
            if (TOLLGATE.matcher(seg).find()) {
                out.add(new RunCommand(y.display, jobId, stepIndex, "tollgate", "", seg, rustflags, mask, maskLoc, at,
                        CommandText.deniesWarnings(seg, rustflags), CommandText.checksAdvisories("tollgate", seg)));
                continue;
            }
            if (GH_RELEASE.matcher(seg).find()) {
                out.add(new RunCommand(y.display, jobId, stepIndex, "gh release", "", seg, rustflags, mask, maskLoc, at,
                        CommandText.deniesWarnings(seg, rustflags), CommandText.checksAdvisories("gh release", seg)));
                continue;
            }
            Matcher s = SCRIPT.matcher(seg);
            if (s.find()) {
                String path = s.group(1);
                while (path.startsWith("./")) path = path.substring(2);
                if (path.startsWith("/") || path.contains("..") || path.contains("$")) continue;
                scripts.add(path);
                if (scriptsOfFile != null) scriptsOfFile.add(path);
                out.add(new RunCommand(y.display, jobId, stepIndex, "script", path, seg, rustflags, mask, maskLoc, at,
                        CommandText.deniesWarnings(seg, rustflags), CommandText.checksAdvisories("script", seg)));
            }
        }
    }

    /** The line of a mask ({@code set +e}'s own line, or the command's), at the mask's column when found. */
    private static Location maskLocation(YamlFile y, int lineIndex, String mask, Location fallback) {
        if (lineIndex < 0 || lineIndex >= y.lines.length) return fallback;
        String raw = y.lines[lineIndex];
        String needle = mask.startsWith("||") ? "||" : mask.startsWith(";") ? ";" : "set";
        int c = raw.indexOf(needle);
        if (mask.equals("set +e")) c = Math.max(raw.indexOf("set "), 0);
        return Location.of(y.display, lineIndex + 1, c >= 0 ? c + 1 : fallback.column());
    }

    private CalledScript readScript(String path) {
        Path f = repo.resolve(path).normalize();
        if (!f.startsWith(repo.normalize()) || !dev.tollgate.inputs.io.InputFiles.present(f) || Files.isDirectory(f)) {
            return new CalledScript(path, false, "");
        }
        // Through the one reader: a FIFO, a device or a link out of the repository is an input error.
        byte[] bytes = dev.tollgate.inputs.io.InputFiles.readBytes(f, repo.normalize().relativize(f).toString().replace('\\', '/'),
                dev.tollgate.inputs.io.InputFiles.Kind.SCRIPT);
        if (bytes.length > MAX_SCRIPT_BYTES) return new CalledScript(path, true, "");
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return new CalledScript(path, true, text, CommandText.callsCargoClippy(text), CommandText.runsClippy(text));
    }

    // --- actions ------------------------------------------------------------------------------

    /** The action files read ({@link #display} paths), each once. */
    private final Set<String> actionFiles = new TreeSet<>();

    /**
     * The composite actions that a step runs by path ({@code uses: ./tools/act}), wherever they are: a step
     * runs them as surely as one in {@code .github/actions/}, so their steps are checked too, and those
     * they call in turn (each file once). An {@code action.yml} in a sub-folder of {@code .github/workflows/}
     * run this way is an action, not a workflow that is never loaded.
     */
    private void readLocalActions() {
        Path root = repo.toAbsolutePath().normalize();
        for (int i = 0; i < facts.size(); i++) {
            if (!(facts.get(i) instanceof ActionRef r) || !r.local() || r.reusable() || !r.action().startsWith("./")) continue;
            Path dir = root.resolve(r.action().substring(2).strip()).normalize();
            if (!dir.startsWith(root)) continue;
            for (String name : List.of("action.yml", "action.yaml")) {
                Path f = dir.resolve(name);
                if (!Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                if (actionFiles.contains(display(f))) break;
                try {
                    if (!f.toRealPath().startsWith(root.toRealPath())) {
                        actionFiles.add(display(f));
                        facts.add(new WorkflowProblem(display(f), "a step runs this action, but it resolves outside the repository "
                                + "through a symbolic link, so its steps were not checked", Location.file(display(f))));
                        break;
                    }
                } catch (IOException e) {
                    // a dangling link: reading it reports it
                }
                readAction(f);
                break;
            }
        }
        facts.removeIf(f -> f instanceof Workflow w && w.kind().equals("misplaced") && actionFiles.contains(w.file()));
    }

    private void readAction(Path f) {
        actionFiles.add(display(f));
        YamlFile y = open(f);
        if (y == null) return;
        List<Object> out = new ArrayList<>();
        try {
            Map<String, NodeTuple> top = y.mapping(y.root);
            NodeTuple runs = top.get("runs");
            out.add(new Workflow(y.display, YamlFile.scalar(YamlFile.value(top.get("name"))), "action", List.of(), Map.of(),
                    List.of(), Map.of(), runs != null ? y.at(runs.getKeyNode()) : Location.of(y.display, 1, 1),
                    Location.of(y.display, 1, 1)));
            if (runs != null) {
                Map<String, NodeTuple> r = y.mapping(runs.getValueNode());
                NodeTuple image = r.get("image");
                String img = image != null ? YamlFile.scalar(image.getValueNode()) : "";
                if (img.startsWith("docker://")) out.add(actionRef(y, "", image, false));
                readSteps(y, "", YamlFile.value(r.get("steps")), Map.of(), out);
            }
            facts.addAll(out);
        } catch (YamlFile.Problem p) {
            facts.add(new WorkflowProblem(y.display, p.getMessage(), Location.of(y.display, p.line, p.column)));
        }
    }

    // --- dependabot ---------------------------------------------------------------------------

    private void readDependabot(Path f) {
        YamlFile y = open(f);
        if (y == null) return;
        List<Object> out = new ArrayList<>();
        try {
            for (Node u : y.sequence(y.get(y.root, "updates"))) {
                Node schedule = y.get(u, "schedule");
                out.add(new DependabotUpdate(y.display, YamlFile.scalar(y.get(u, "package-ecosystem")),
                        YamlFile.scalar(y.get(u, "directory")),
                        schedule == null ? "" : YamlFile.scalar(y.get(schedule, "interval")), y.at(u)));
            }
            facts.addAll(out);
        } catch (YamlFile.Problem p) {
            facts.add(new WorkflowProblem(y.display, p.getMessage(), Location.of(y.display, p.line, p.column)));
        }
    }
}
