package dev.tollgate.engine;

import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;

import java.util.List;
import java.util.function.Predicate;

/** A compiled model with some of its rules only: to evaluate again without a rule whose condition throws. */
final class FilteredModel implements Model {
    private final Model model;
    private final List<Rule> rules;

    FilteredModel(Model model, Predicate<Rule> keep) {
        this.model = model;
        this.rules = model.getRules().stream().filter(keep).toList();
    }

    @Override
    public String getName() {
        return model.getName();
    }

    @Override
    public String getPackageName() {
        return model.getPackageName();
    }

    @Override
    public List<Global> getGlobals() {
        return model.getGlobals();
    }

    @Override
    public List<Rule> getRules() {
        return rules;
    }

    @Override
    public List<Query> getQueries() {
        return model.getQueries();
    }

    @Override
    public List<TypeMetaData> getTypeMetaDatas() {
        return model.getTypeMetaDatas();
    }

    @Override
    public List<EntryPoint> getEntryPoints() {
        return model.getEntryPoints();
    }
}
