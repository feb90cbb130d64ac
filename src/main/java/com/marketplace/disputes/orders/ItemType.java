package com.marketplace.disputes.orders;

/** What was sold; eligibility treats digital items and custom orders differently. */
public enum ItemType {
  PHYSICAL,
  DIGITAL,
  CUSTOM
}
