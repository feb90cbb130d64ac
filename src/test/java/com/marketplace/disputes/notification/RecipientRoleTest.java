package com.marketplace.disputes.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecipientRoleTest {

  @Test
  void readsTheCommaListOfTheModelsOnceEach() {
    assertThat(RecipientRole.parseList(" BUYER, SELLER,BUYER "))
        .containsExactly(RecipientRole.BUYER, RecipientRole.SELLER);
  }

  @Test
  void refusesUnknownAndEmptyLists() {
    assertThatThrownBy(() -> RecipientRole.parseList("BUYER,MEDIATORS"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecipientRole.parseList(" , "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
