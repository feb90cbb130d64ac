package com.marketplace.disputes.kernel;

import java.security.SecureRandom;
import java.util.Random;

/** Readable, unguessable ids: a prefix and eight characters without look-alikes (no 0/O, 1/I). */
public final class Ids {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String next(String prefix) {
    return next(prefix, RANDOM);
  }

  /** An id drawn from {@code random}: a seeded one draws the same ids again (demo history). */
  public static String next(String prefix, Random random) {
    StringBuilder id = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }
}
