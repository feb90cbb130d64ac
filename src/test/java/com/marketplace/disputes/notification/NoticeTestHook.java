package com.marketplace.disputes.notification;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The step after the send task in the test model, run in the same job. Told to fail, it rolls
 * the job back after the mail went out: what a later failure in a real model would do.
 */
public class NoticeTestHook {

  private final AtomicInteger failuresLeft = new AtomicInteger();

  public void failNextTimes(int times) {
    failuresLeft.set(times);
  }

  public void afterNotice(DelegateExecution execution) {
    if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      throw new IllegalStateException("step after the notice failed in "
          + execution.getProcessBusinessKey());
    }
  }
}
