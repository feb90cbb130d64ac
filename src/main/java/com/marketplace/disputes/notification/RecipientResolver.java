package com.marketplace.disputes.notification;

import com.marketplace.disputes.dispute.DisputeFacts;
import com.marketplace.disputes.identity.UserLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Turns the roles named in a send task into people: user ids from the records of the process's
 * case (buyer and seller, the appellant, the party asked for evidence), addresses and names from
 * Camunda's identity service, the language from the user info {@code locale}.
 */
@Component
class RecipientResolver {

  static final String SENIOR_MEDIATORS_GROUP = "senior-mediators";
  static final String LOCALE_INFO_KEY = UserLanguage.LOCALE_INFO_KEY;

  private final IdentityService identityService;
  private final UserLanguage language;
  private final DisputeFacts facts;

  RecipientResolver(IdentityService identityService, UserLanguage language, DisputeFacts facts) {
    this.identityService = identityService;
    this.language = language;
    this.facts = facts;
  }

  /** Each user once, in the order the roles are named; the first role names them. */
  List<Recipient> resolve(List<RecipientRole> roles, NoticeContext context,
      DelegateExecution execution) {
    Map<String, RecipientRole> users = new LinkedHashMap<>();
    for (RecipientRole role : roles) {
      for (String userId : userIds(role, context, execution)) {
        users.putIfAbsent(userId, role);
      }
    }
    List<Recipient> recipients = new ArrayList<>();
    users.forEach((userId, role) -> recipients.add(recipient(userId, role)));
    return recipients;
  }

  private List<String> userIds(RecipientRole role, NoticeContext context,
      DelegateExecution execution) {
    return switch (role) {
      case BUYER -> List.of(required(context.buyerId(), role, "buyerId"));
      case SELLER -> List.of(required(context.sellerId(), role, "sellerId"));
      case EVIDENCE_PARTY -> List.of(required(
          facts.evidenceParty(facts.of(execution)).orElse(null), role, "evidenceParty"));
      case APPELLANT -> List.of(appellant(execution, role));
      case OTHER_PARTY -> {
        String appellant = appellant(execution, role);
        String buyer = required(context.buyerId(), role, "buyerId");
        yield List.of(appellant.equals(buyer) ? required(context.sellerId(), role, "sellerId")
            : buyer);
      }
      case SENIOR_MEDIATORS -> identityService.createUserQuery()
          .memberOfGroup(SENIOR_MEDIATORS_GROUP)
          .orderByUserId().asc()
          .list().stream()
          .map(User::getId)
          .toList();
    };
  }

  /** One user, in the role a notice names them. */
  Recipient recipient(String userId, RecipientRole role) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String email = user == null || user.getEmail() == null || user.getEmail().isBlank()
        ? null : user.getEmail().trim();
    String name = user == null || user.getFirstName() == null || user.getFirstName().isBlank()
        ? userId : user.getFirstName();
    return new Recipient(userId, role, name, email, language.of(userId));
  }

  private String appellant(DelegateExecution execution, RecipientRole role) {
    return required(facts.of(execution).appellantId(), role, "appellantId");
  }

  /** A role the model names but the process cannot fill is a modelling error: an incident. */
  private static String required(String userId, RecipientRole role, String variable) {
    if (userId == null || userId.isBlank()) {
      throw new IllegalStateException(
          "Recipient " + role + " needs the variable '" + variable + "', which is not set");
    }
    return userId;
  }
}
