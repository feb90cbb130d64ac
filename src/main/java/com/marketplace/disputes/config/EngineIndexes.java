package com.marketplace.disputes.config;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two indexes the engine's own schema lacks, without which the engine's work grows with the
 * number of open disputes. Both were found in the benchmark's deadline storm, which ran at 45
 * escalations a second with 20,000 disputes waiting and at 2 a second with 100,000.
 *
 * <ul>
 *   <li><b>Job acquisition by due date.</b> Every open dispute waits on timers (the seller's
 *       deadline and reminder, the buyer's, the mediation SLA). The engine's default acquisition
 *       query has no order and a due-date condition ({@code DUEDATE_ is null or DUEDATE_ <= now})
 *       that no index serves, so each acquisition read through waiting timers until it had a
 *       batch of due jobs. Here every job gets a due date (asynchronous steps: when they were
 *       created), jobs are acquired in due-date order, and {@value #JOB_DUE_DATE} makes that a
 *       short range read from the oldest due job. Jobs created before this setting get a due
 *       date, as they would otherwise never be acquired again.
 *   <li><b>Subtasks.</b> Completing or cancelling a task makes the engine look for its subtasks
 *       ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}, TaskManager.deleteTask), a
 *       read of every open task without {@value #TASK_PARENT}: every escalation, answer and
 *       decision paid for all the tasks still open.
 * </ul>
 *
 * <p>They are added after the engine has created or checked its tables. On PostgreSQL this runs
 * under {@link ClusterStartupLock}, one node at a time.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);
  static final String JOB_DUE_DATE = "DISPUTES_IDX_JOB_DUEDATE";
  static final String TASK_PARENT = "DISPUTES_IDX_TASK_PARENT";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setJobExecutorAcquireByDueDate(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix();
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
    int undated = jdbc.update("update " + prefix + "ACT_RU_JOB set DUEDATE_ = current_timestamp"
        + " where DUEDATE_ is null");
    if (undated > 0) {
      log.info("{} jobs from before due-date acquisition are due now", undated);
    }
    jdbc.execute("create index if not exists " + JOB_DUE_DATE + " on " + prefix
        + "ACT_RU_JOB (DUEDATE_)");
    jdbc.execute("create index if not exists " + TASK_PARENT + " on " + prefix
        + "ACT_RU_TASK (PARENT_TASK_ID_)");
  }
}
