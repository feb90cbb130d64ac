package com.marketplace.disputes.dispute;

import java.security.SecureRandom;

/** Readable, unguessable ids: a prefix and eight characters without look-alikes (no 0/O, 1/I). */
public final class DisputeIds {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private DisputeIds() {}

  public static String next(String prefix) {
    StringBuilder id = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
