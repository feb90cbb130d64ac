package com.marketplace.disputes.dispute;

/** Why the buyer opens a dispute (variable {@code reason}). */
public enum Reason {
  NOT_RECEIVED, DAMAGED, NOT_AS_DESCRIBED, QUALITY_PROBLEM, QUANTITY_PROBLEM
}
