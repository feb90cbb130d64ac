package com.marketplace.disputes.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The configuration rules of a start, one by one; ProductionStartIT boots the real thing. */
class ProductionStartRulesTest {

  /** What a production start sets: a database password, a mail server, an administrator. */
  private static MockEnvironment production() {
    return new MockEnvironment()
        .withProperty("spring.datasource.password", "s3cret")
        .withProperty("spring.mail.host", "smtp.example.test")
        .withProperty("camunda.bpm.admin-user.id", "root")
        .withProperty("camunda.bpm.admin-user.password", "root-password");
  }

  @Test
  void aProductionStartThatSaysWhatItUsesPasses() {
    assertThatCode(() -> ProductionStartRules.check(production())).doesNotThrowAnyException();
  }

  @Test
  void anEmptyDatabasePasswordIsRefusedOutsideDemo() {
    MockEnvironment environment = production().withProperty("spring.datasource.password", "");
    assertThatThrownBy(() -> ProductionStartRules.check(environment))
        .isInstanceOf(UnsafeStartException.class)
        .hasMessageContaining("spring.datasource.password")
        .hasMessageContaining("DISPUTES_DB_PASSWORD");
    MockEnvironment unset = new MockEnvironment()
        .withProperty("spring.mail.host", "smtp.example.test");
    unset.setActiveProfiles("postgres");
    assertThatThrownBy(() -> ProductionStartRules.check(unset))
        .hasMessageContaining("active profiles: postgres");

    MockEnvironment demo = production().withProperty("spring.datasource.password", "");
    demo.setActiveProfiles("demo");
    assertThatCode(() -> ProductionStartRules.check(demo)).doesNotThrowAnyException();
  }

  @Test
  void noMailHostIsRefusedUnlessTheEmbeddedServerIsAskedFor() {
    MockEnvironment noHost = production().withProperty("spring.mail.host", "");
    assertThatThrownBy(() -> ProductionStartRules.check(noHost))
        .isInstanceOf(UnsafeStartException.class)
        .hasMessageContaining("spring.mail.host")
        .hasMessageContaining("disputes.notices.embedded-smtp-enabled=true");

    // Asked for by name (GreenMail is on the test classpath, as with spring-boot:run).
    MockEnvironment embedded = production().withProperty("spring.mail.host", "")
        .withProperty("disputes.notices.embedded-smtp-enabled", "true");
    assertThatCode(() -> ProductionStartRules.check(embedded)).doesNotThrowAnyException();

    // The demo profile asks for it in application-demo.yaml, not by being the demo.
    MockEnvironment demoWithoutIt = production().withProperty("spring.mail.host", "");
    demoWithoutIt.setActiveProfiles("demo");
    assertThatThrownBy(() -> ProductionStartRules.check(demoWithoutIt))
        .hasMessageContaining("spring.mail.host");
  }

  @Test
  void anAdministratorNeedsAPasswordOfItsOwn() {
    MockEnvironment noPassword = production()
        .withProperty("camunda.bpm.admin-user.password", "");
    assertThatThrownBy(() -> ProductionStartRules.check(noPassword))
        .isInstanceOf(UnsafeStartException.class)
        .hasMessageContaining("camunda.bpm.admin-user.password");
    MockEnvironment idAsPassword = production()
        .withProperty("camunda.bpm.admin-user.password", "root");
    assertThatThrownBy(() -> ProductionStartRules.check(idAsPassword))
        .hasMessageContaining("not the user id");
  }
}
