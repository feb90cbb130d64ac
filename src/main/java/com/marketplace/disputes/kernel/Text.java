package com.marketplace.disputes.kernel;

/** Text as people send it: in a variable, a form field or a JSON body. */
public final class Text {

  private Text() {}

  /** The trimmed text of a value; null when it is missing or blank. */
  public static String trimmed(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }
}
