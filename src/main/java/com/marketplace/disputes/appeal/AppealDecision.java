package com.marketplace.disputes.appeal;

/** A senior mediator's answer to an appeal (variable {@code appealDecision}); final. */
public enum AppealDecision {
  UPHOLD, OVERTURN
}
