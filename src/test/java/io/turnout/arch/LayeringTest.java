package io.turnout.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.turnout", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final String[] ENGINE = {
        "io.turnout.target..", "io.turnout.ssh..", "io.turnout.docker..", "io.turnout.feed..",
        "io.turnout.activity..", "io.turnout.profile..", "io.turnout.connect..", "io.turnout.demo..",
        "io.turnout.plan..", "io.turnout.probe..", "io.turnout.router..", "io.turnout.migrate..", "io.turnout.db..",
        "io.turnout.kube..", "io.turnout.stack..", "io.turnout.release..", "io.turnout.timeline..", "io.turnout.health..", "io.turnout.traffic..", "io.turnout.alert.."
    };

    @ArchTest
    static final ArchRule engineNeverTouchesJavaFx = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp..")
            .because("the engine runs headless in the CLI and CI; the GUI is one thin front end over it");

    @ArchTest
    static final ArchRule engineDoesNotKnowItsFrontEnds = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("io.turnout.ui..", "io.turnout.cli..", "io.turnout.app..")
            .because("front ends depend on the engine, never the other way round");

    @ArchTest
    static final ArchRule cliAndUiStayApart = noClasses().that().resideInAPackage("io.turnout.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.turnout.ui..", "javafx..")
            .because("the CLI must start without loading the JavaFX toolkit");

    @ArchTest
    static final ArchRule noSystemOutOutsideTheCli = noClasses().that().resideOutsideOfPackages("io.turnout.cli..", "io.turnout.app..")
            .should().accessField(System.class, "out")
            .because("logs go through SLF4J; only the CLI prints its own output");

    @ArchTest
    static final ArchRule viewModelsNeedNoToolkit = noClasses().that().resideInAPackage("io.turnout.ui..")
            .and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                    "atlantafx..", "org.kordamp..")
            .because("view-models are plain classes (properties, collections, commands) tested with the same-thread"
                    + " runner and no toolkit; nodes, windows and Platform.runLater belong to controllers and bridges");
}
