package dev.tollgate.api.facts;

/** {@code continue-on-error} as written, for {@link WorkflowJob#mayContinue} and {@link WorkflowStep#mayContinue}. */
final class ContinueOnError {
    private ContinueOnError() {
    }

    /** Anything but absent or false lets the job or step fail without failing; {@code ${{ }}} is unwrapped. */
    static boolean mayContinue(String written) {
        String v = written == null ? "" : written.trim();
        if (v.startsWith("${{") && v.endsWith("}}")) v = v.substring(3, v.length() - 2).trim();
        return !v.isEmpty() && !v.equalsIgnoreCase("false");
    }
}
