package com.marketplace.disputes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketplace.disputes.DisputeMediationApplication;
import com.marketplace.disputes.cluster.ClusterNodeMain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How the application starts outside the tests' own profile, booted as {@code java -jar} boots it
 * (no test framework, test classes kept out of the component scan), one context at a time: a
 * start without the demo profile and without an administrator is refused with the message that
 * says what to set; with an administrator it starts with no demo user; the demo profile has its
 * users; the first-user setup is refused in both; a start without a database password or a mail
 * server stops before it opens the database.
 *
 * <p>The start refused for want of an administrator runs last: it fails after the web server
 * started, and Camunda's webapp filters keep the failed context in a static field, which would
 * break any later start in this JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionStartIT {

  private static final List<String> DEMO_USER_IDS = List.of("buyer1", "buyer2", "seller1",
      "seller2", "mediator1", "mediator2", "senior1", "analyst1", "market", "admin");

  private static int databases;

  /** A production start on a fresh in-memory database, less what a test takes away. */
  private static Map<String, String> production() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.datasource.url", "jdbc:h2:mem:production-start-" + (++databases)
        + ";DB_CLOSE_DELAY=-1");
    properties.put("spring.datasource.password", "production-database-password");
    properties.put("disputes.notices.embedded-smtp-enabled", "true");
    properties.put("disputes.notices.embedded-smtp-port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("logging.level.root", "WARN");
    return properties;
  }

  private static ConfigurableApplicationContext start(Map<String, String> properties,
      String... profiles) {
    SpringApplication application = new SpringApplication(DisputeMediationApplication.class);
    application.addInitializers(context -> context.getBeanFactory()
        .registerSingleton("testClassesExcludeFilter",
            new ClusterNodeMain.TestClassesExcludeFilter()));
    application.setAdditionalProfiles(profiles);
    List<String> args = new ArrayList<>();
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return application.run(args.toArray(String[]::new));
  }

  private static String baseUrl(ConfigurableApplicationContext context) {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  @Test
  @Order(10)
  void withoutAnAdministratorTheStartIsRefusedSayingWhatToSet() {
    assertThatThrownBy(() -> start(production()).close())
        .hasRootCauseInstanceOf(UnsafeStartException.class)
        .rootCause()
        .hasMessageContaining("No administrator")
        .hasMessageContaining("camunda.bpm.admin-user.id")
        .hasMessageContaining("camunda.bpm.admin-user.password")
        .hasMessageContaining("camunda-admin");
  }

  @Test
  @Order(1)
  void withAnAdministratorItStartsWithNoDemoUserAndTheSetupClosed() throws Exception {
    Map<String, String> properties = production();
    properties.put("camunda.bpm.admin-user.id", "root");
    properties.put("camunda.bpm.admin-user.password", "root-password-1");
    try (ConfigurableApplicationContext context = start(properties)) {
      IdentityService identity = context.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
          .extracting(user -> user.getId()).containsExactly("root");
      assertThat(identity.checkPassword("root", "root-password-1")).isTrue();
      for (String demoUser : DEMO_USER_IDS) {
        assertThat(identity.createUserQuery().userId(demoUser).count()).as(demoUser).isZero();
      }
      assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("demo");

      assertThat(FirstUserSetup.tryCreate(baseUrl(context), "eve")).isEqualTo(403);
      assertThat(identity.createUserQuery().userId("eve").count()).isZero();
    }
  }

  @Test
  @Order(2)
  void theDemoProfileHasItsUsersAndTheSetupClosed() throws Exception {
    Map<String, String> properties = production();
    // The demo's own defaults: no database password, the embedded mail server from its profile.
    properties.put("spring.datasource.password", "");
    properties.remove("disputes.notices.embedded-smtp-enabled");
    try (ConfigurableApplicationContext context = start(properties, "demo")) {
      IdentityService identity = context.getBean(IdentityService.class);
      for (String demoUser : DEMO_USER_IDS) {
        assertThat(identity.createUserQuery().userId(demoUser).count()).as(demoUser).isOne();
      }
      assertThat(identity.checkPassword("buyer1", "demo")).isTrue();

      assertThat(FirstUserSetup.tryCreate(baseUrl(context), "eve")).isEqualTo(403);
      assertThat(identity.createUserQuery().userId("eve").count()).isZero();
    }
  }

  @Test
  @Order(3)
  void anEmptyDatabasePasswordStopsTheStartBeforeTheDatabaseIsOpened() {
    Map<String, String> properties = production();
    properties.put("spring.datasource.password", "");
    properties.put("camunda.bpm.admin-user.id", "root");
    properties.put("camunda.bpm.admin-user.password", "root-password-1");
    long started = System.nanoTime();
    assertThatThrownBy(() -> start(properties).close())
        .isInstanceOf(UnsafeStartException.class)
        .hasMessageContaining("spring.datasource.password");
    // Refused before any bean: no database, no engine (a boot takes about ten seconds).
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
  }

  @Test
  @Order(4)
  void noMailServerStopsTheStartOutsideDemo() {
    Map<String, String> properties = production();
    properties.remove("disputes.notices.embedded-smtp-enabled");
    properties.put("camunda.bpm.admin-user.id", "root");
    properties.put("camunda.bpm.admin-user.password", "root-password-1");
    assertThatThrownBy(() -> start(properties).close())
        .isInstanceOf(UnsafeStartException.class)
        .hasMessageContaining("spring.mail.host")
        .hasMessageContaining("disputes.notices.embedded-smtp-enabled=true");
  }
}
