package dev.tollgate.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The one class import every ArchUnit test shares: the production classes of every Tollgate module
 * (policy-api, policy-rules, policy-rules-compiler, policy-scenarios, test-fixtures, policy-runner), imported once per test JVM.
 * All ArchUnit tests live in this package, in policy-runner, the one module whose class path holds them all.
 */
public final class TollgateClasses {
    /** Every production class under {@code dev.tollgate}. */
    public static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tollgate");

    private TollgateClasses() {
    }
}
