package com.marketplace.disputes.notification;

import java.util.Locale;

/**
 * One person a notice goes to.
 *
 * @param email null when the identity service knows no address for the user
 * @param locale the language the notice is written in
 */
record Recipient(String userId, RecipientRole role, String name, String email, Locale locale) {}
