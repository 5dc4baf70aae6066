package dev.tollgate.engine;

import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Repeat;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a KieSession over the facts, watched so that no rule can hide or prevent the verdict:
 * <ul>
 *   <li>every {@link Finding} is recorded as it is inserted, so a rule that deletes or changes one
 *       hides nothing (and doing so is a {@code rule-error});
 *   <li>firings and working-memory objects are counted against their budgets; past one, the session
 *       is halted (firings) or the inserting consequence is stopped (objects);
 *   <li>the session runs on its own thread, so the caller can stop waiting for a rule that never
 *       returns ({@link #runWithin}).
 * </ul>
 * Listener callbacks run on the session's thread; the fields the caller reads after {@code join} are
 * published by it.
 */
final class Evaluation extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    /** Why a consequence was stopped from the listener: an Error, so no consequence handler turns it into a finding. */
    static final class BudgetError extends Error {
        private static final long serialVersionUID = 1L;

        BudgetError() {
            super("budget exceeded", null, false, false);
        }
    }

    enum Budget { FIRINGS, FACTS, TIME }

    private final long maxFirings;
    private final long maxFacts;
    private final RuleFindings made;

    final List<Finding> findings = new ArrayList<>();
    /** Every {@link Repeat} a rule inserted, recorded as it was inserted (presented by {@link Repeat#collapse}). */
    final List<Repeat> repeats = new ArrayList<>();
    /** Findings the engine made during the run: tampered findings, consequence exceptions. */
    final List<Finding> engineFindings = new ArrayList<>();
    final Map<Rule, long[]> firedByRule = new HashMap<>();
    final List<Object> kept = new ArrayList<>();
    long firings;
    long objects;
    /** The rule whose consequence is running, null between firings. */
    volatile Rule current;
    volatile Budget exceeded;
    /** What ended the session abnormally (not a budget): a condition's exception, an Error in a consequence. */
    Throwable failure;
    boolean outOfMemory;
    private volatile KieSession session;

    Evaluation(long maxFirings, long maxFacts, RuleFindings made) {
        this.maxFirings = maxFirings;
        this.maxFacts = maxFacts;
        this.made = made;
    }

    /**
     * Runs the session on a new thread and waits for it until {@code deadline} (a {@link System#nanoTime}
     * value), then halts it and waits {@code graceMillis} more.
     *
     * @return false when the session's thread is still running after that: a rule did not return
     */
    boolean runWithin(KieBase base, Collection<?> facts, AgendaFilter filter, boolean keepFacts, long deadline, long graceMillis)
            throws InterruptedException {
        Thread worker = new Thread(() -> run(base, facts, filter, keepFacts), "tollgate-rules");
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        long left = deadline - System.nanoTime();
        if (left > 0) worker.join(Math.max(1, left / 1_000_000));
        if (!worker.isAlive()) return true;
        if (exceeded == null) exceeded = Budget.TIME;
        KieSession s = session;
        if (s != null) {
            try {
                s.halt();
            } catch (RuntimeException ignored) {
                // disposed meanwhile
            }
        }
        worker.join(graceMillis);
        if (!worker.isAlive()) return true;
        stop(worker);
        return false;
    }

    /** Best effort for a rule looping in plain Java: Thread.stop works up to JDK 19; later JDKs refuse it. */
    @SuppressWarnings("removal")
    private static void stop(Thread worker) {
        try {
            Thread.class.getMethod("stop").invoke(worker);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // UnsupportedOperationException on JDK 20+: the daemon thread is abandoned
        }
    }

    private void run(KieBase base, Collection<?> facts, AgendaFilter filter, boolean keepFacts) {
        KieSession s = null;
        try {
            s = base.newKieSession();
            s.addEventListener((RuleRuntimeEventListener) this);
            s.addEventListener((org.kie.api.event.rule.AgendaEventListener) this);
            session = s;
            for (Object fact : facts) s.insert(fact);
            if (exceeded == null) s.fireAllRules(filter);
            if (keepFacts) kept.addAll(s.getObjects(o -> !(o instanceof Finding)));
        } catch (BudgetError e) {
            // recorded in `exceeded`
        } catch (OutOfMemoryError e) {
            findings.clear();
            kept.clear();
            outOfMemory = true;
        } catch (Throwable t) {
            failure = t;
        } finally {
            session = null;
            if (s != null) {
                try {
                    s.dispose();
                } catch (Throwable ignored) {
                    // the session may be broken; its findings are already recorded
                }
            }
        }
    }

    /** Called by {@link RuleErrorHandler} on the session's thread. */
    void consequenceFailed(Match match, Exception e) {
        engineFindings.add(made.ruleError(match.getRule(), match.getObjects(), e));
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (++objects > maxFacts) {
            if (exceeded == null) exceeded = Budget.FACTS;
            throw new BudgetError();
        }
        if (event.getObject() instanceof Finding f) findings.add(f);
        else if (event.getObject() instanceof Repeat r) repeats.add(r);
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        if (event.getOldObject() instanceof Finding old) {
            engineFindings.add(made.tampered(event.getRule(), "changed", old));
            if (event.getObject() instanceof Finding now && now != old) findings.add(now);
        } else if (event.getOldObject() instanceof Repeat old) {
            engineFindings.add(made.tampered(event.getRule(), "changed", old.finding()));
            if (event.getObject() instanceof Repeat now && now != old) repeats.add(now);
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Finding old) engineFindings.add(made.tampered(event.getRule(), "deleted", old));
        else if (event.getOldObject() instanceof Repeat old) engineFindings.add(made.tampered(event.getRule(), "deleted", old.finding()));
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch().getRule();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        current = null;
        firings++;
        firedByRule.computeIfAbsent(event.getMatch().getRule(), r -> new long[1])[0]++;
        if (firings >= maxFirings && exceeded == null) {
            exceeded = Budget.FIRINGS;
            event.getKieRuntime().halt();
        }
    }

    /** The rules that fired most, most first (ties by name), at most {@code n}. */
    List<Map.Entry<Rule, long[]>> topRules(int n) {
        List<Map.Entry<Rule, long[]>> all = new ArrayList<>(firedByRule.entrySet());
        all.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().getName().compareTo(b.getKey().getName()));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** Makes the engine's findings about rules (the engine supplies where rules are written). */
    interface RuleFindings {
        Finding ruleError(Rule rule, List<Object> facts, Throwable e);

        Finding tampered(Rule rule, String how, Finding finding);
    }
}
