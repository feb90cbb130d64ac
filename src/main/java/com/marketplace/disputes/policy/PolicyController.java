package com.marketplace.disputes.policy;

import com.marketplace.disputes.identity.UserLanguage;
import com.marketplace.disputes.kernel.ApiProblems;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy catalogue for everyone logged in (the login filter on /api refuses anyone else):
 * the rules a decision may apply, in the catalogue's order.
 */
@RestController
public class PolicyController {

  private final PolicyCatalogue catalogue;
  private final UserLanguage languages;
  private final IdentityService identityService;

  public PolicyController(PolicyCatalogue catalogue, UserLanguage languages,
      IdentityService identityService) {
    this.catalogue = catalogue;
    this.languages = languages;
    this.identityService = identityService;
  }

  /**
   * {@code lang}: a language tag such as {@code de}, as {@code GET /api/labels} takes it; without
   * it, the caller's own language (their {@code locale}, as their mail is written in).
   */
  @GetMapping("/api/policy/rules")
  public List<RuleText> rules(@RequestParam(required = false) String lang) {
    Locale locale = lang == null || lang.isBlank()
        ? languages.of(ApiProblems.caller(identityService).getUserId())
        : Locale.forLanguageTag(lang.trim());
    return catalogue.current(locale);
  }
}
