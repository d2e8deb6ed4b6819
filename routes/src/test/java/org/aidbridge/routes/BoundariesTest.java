package org.aidbridge.routes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each channel stands alone and reaches the core's storage only through its port, and only the
 * command line writes to the console.
 */
@AnalyzeClasses(
    packages = "org.aidbridge.routes",
    importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {
  private static final String EMAIL = "org.aidbridge.routes.email..";
  private static final String TELEGRAM = "org.aidbridge.routes.telegram..";
  private static final String SIGNAL = "org.aidbridge.routes.signal..";

  @ArchTest
  static final ArchRule emailDependsOnNoOtherChannel = independent(EMAIL, TELEGRAM, SIGNAL);

  @ArchTest
  static final ArchRule telegramDependsOnNoOtherChannel = independent(TELEGRAM, EMAIL, SIGNAL);

  @ArchTest
  static final ArchRule signalDependsOnNoOtherChannel = independent(SIGNAL, EMAIL, TELEGRAM);

  @ArchTest
  static final ArchRule channelsUseTheirPortNotTheStore =
      noClasses()
          .that()
          .resideInAnyPackage(EMAIL, TELEGRAM, SIGNAL)
          .or()
          .haveFullyQualifiedName("org.aidbridge.routes.app.RawInbox")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.aidbridge.bot.store.Store")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.aidbridge.bot.store.SqliteStore")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.aidbridge.bot.store.PostgresStore")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("org.aidbridge.bot.store.JdbcStore")
          .because(
              "a channel keeps and reads only what ChannelMemory offers; the rest of the store is"
                  + " the core's");

  @ArchTest
  static final ArchRule onlyTheCommandLineWritesToTheConsole =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.aidbridge.routes.cli..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because("everything else logs, so that nothing private reaches a console unfiltered");

  private static ArchRule independent(String channel, String other, String another) {
    return noClasses()
        .that()
        .resideInAPackage(channel)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(other, another)
        .allowEmptyShould(true)
        .because("a channel is added or removed without touching the others");
  }
}
