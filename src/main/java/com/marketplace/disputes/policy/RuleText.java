package com.marketplace.disputes.policy;

/** A rule of the policy catalogue in one language, as parties and mediators read it. */
public record RuleText(String id, String title, String text) {}
