package com.marketplace.disputes.config;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.CallerRunsRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When {@code disputes.cluster.caller-runs-rejected-jobs} is true (profile postgres), a batch of
 * jobs that finds the job executor's queue full is run by the acquisition thread itself.
 *
 * <p>The starter's default hands the batch back to the acquisition loop, which resubmits it at
 * once as soon as any one thread is free. Under a storm of due jobs that loop spins: measured
 * here, 290,000 rejected submissions for 2,000 jobs on two nodes, taking the CPU the jobs need.
 * Running the batch on the acquisition thread is back-pressure instead: the node acquires nothing
 * more until it has caught up, and the jobs it cannot take stay unlocked for the other nodes.
 */
@Component
public class JobExecutorBackpressure extends AbstractProcessEnginePlugin {

  private final boolean callerRuns;

  public JobExecutorBackpressure(
      @Value("${disputes.cluster.caller-runs-rejected-jobs:false}") boolean callerRuns) {
    this.callerRuns = callerRuns;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (callerRuns && jobExecutor != null) {
      jobExecutor.setRejectedJobsHandler(new CallerRunsRejectedJobsHandler());
    }
  }
}
