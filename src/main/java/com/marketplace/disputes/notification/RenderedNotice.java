package com.marketplace.disputes.notification;

/** A notice written for one recipient: the subject and both parts of the mail. */
record RenderedNotice(String subject, String html, String text) {}
