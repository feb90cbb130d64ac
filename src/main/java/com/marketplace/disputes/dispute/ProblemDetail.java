package com.marketplace.disputes.dispute;

/** What is wrong with a received item (variable {@code problemDetail}). */
public enum ProblemDetail {
  BRAND, MODEL, SIZE, COLOR, MATERIAL, WEIGHT, NO_PACKAGING, DOES_NOT_WORK, RUSTED_FADED, OTHER
}
