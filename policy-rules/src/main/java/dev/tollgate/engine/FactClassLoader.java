package dev.tollgate.engine;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The loader custom rules are compiled against and loaded through when the embedder names the class
 * loader of its own fact classes ({@code EngineOptions.withFactClassLoader}): Tollgate's loader first,
 * so {@code dev.tollgate.*}, Drools and the JDK are always Tollgate's own classes, then the embedder's
 * for what Tollgate's does not have. {@link #isCustom} says which classes those are: the rule sandbox
 * allows them, and nothing else of the embedder's loader is reachable by a name Tollgate knows.
 */
public final class FactClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final ClassLoader facts;
    private final ClassLoader tollgate;

    FactClassLoader(ClassLoader facts, ClassLoader tollgate) {
        super("tollgate-facts", tollgate);
        this.facts = facts;
        this.tollgate = tollgate;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, facts);
    }

    @Override
    protected URL findResource(String name) {
        return facts.getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return facts.getResources(name);
    }

    /**
     * Whether a type (an internal name such as {@code acme/Crate}) is one of the embedder's: loadable from
     * its loader and not from Tollgate's.
     */
    public boolean isCustom(String internalName) {
        String name = internalName.replace('/', '.');
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("dev.tollgate.")
                || name.startsWith("org.drools.") || name.startsWith("org.kie.")) {
            return false;
        }
        try {
            Class.forName(name, false, tollgate);
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            // not Tollgate's: the embedder's, if its loader has it
        }
        try {
            Class.forName(name, false, facts);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
