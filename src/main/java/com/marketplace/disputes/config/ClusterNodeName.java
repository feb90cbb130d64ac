package com.marketplace.disputes.config;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node ({@code disputes.cluster.node-name}, unique per node) where the engine records
 * who did what: the lock owner of the jobs it holds (ACT_RU_JOB, Cockpit, the job executor's
 * health details), the host of each job log entry (ACT_HI_JOB_LOG.HOSTNAME_) and the reporter of
 * its metrics (ACT_RU_METER_LOG.REPORTER_).
 *
 * <p>Unset or blank, the engine's defaults stay: the lock owner is a random id and the host is
 * the machine's address plus the engine name, which two nodes on one machine share.
 */
@Component
public class ClusterNodeName extends AbstractProcessEnginePlugin {

  private final String nodeName;

  public ClusterNodeName(@Value("${disputes.cluster.node-name:}") String nodeName) {
    this.nodeName = nodeName.trim();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeName.isEmpty()) {
      configuration.setHostname(nodeName);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (!nodeName.isEmpty() && jobExecutor != null) {
      jobExecutor.setLockOwner(nodeName);
    }
  }
}
