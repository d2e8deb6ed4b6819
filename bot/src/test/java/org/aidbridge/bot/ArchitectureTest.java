package org.aidbridge.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core knows nothing of Camel, any messaging network, mail, or the routes module. */
@AnalyzeClasses(
    packages = "org.aidbridge.bot",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreDependsOnNoChannelOrCamelClass =
      noClasses()
          .that()
          .resideInAPackage("org.aidbridge.bot..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.camel..",
              "org.telegram..",
              "jakarta.mail..",
              "javax.mail..",
              "org.eclipse.angus..",
              "com.icegreen..",
              "io.micrometer..",
              "io.prometheus..",
              "org.aidbridge.routes..")
          .because("bot/ is the core: channels translate to its model at the edge (routes/)");
}
