package com.marketplace.disputes.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketplace.disputes.support.DisputeDriver;
import com.marketplace.disputes.support.ServiceTest;
import com.marketplace.disputes.support.TestOrders;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's acquisition query and its subtask lookup read indexes, not whole tables: every
 * new job has a due date and jobs are acquired by it, and the database plans both statements
 * (as the engine's mappings write them) on the indexes {@link EngineIndexes} adds.
 */
@ServiceTest
class EngineIndexesTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestOrders orders;

  @Test
  void theEngineAcquiresByDueDateAndEveryJobHasOne() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();

    // An opened dispute waits on timers (the seller's deadline and reminder); once the seller
    // accepts, the refund is an asynchronous step: due at once, not undated.
    String processInstanceId = runtime.startProcessInstanceByKey("disputeMediation",
        DisputeDriver.claim(orders.eligible("buyer1", "seller1", "20.00"), "buyer1")).getId();
    assertThat(management.createJobQuery().processInstanceId(processInstanceId).timers()
        .list()).isNotEmpty().allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey("RespondToDispute")
        .singleResult().getId(), java.util.Map.of("sellerResponse", "ACCEPT"));
    List<Job> refund = management.createJobQuery().messages().list().stream()
        .filter(job -> processInstanceId.equals(job.getProcessInstanceId())
            || isCalledBy(job.getProcessInstanceId(), processInstanceId)).toList();
    assertThat(refund).isNotEmpty().allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
  }

  @Test
  void theAcquisitionQueryReadsTheDueDateIndex() {
    // The statement the engine sends for acquisition by due date (Job.xml,
    // selectNextJobsToExecute), as H2 plans it.
    List<String> plan = jdbc.queryForList("""
        explain select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
        from ACT_RU_JOB RES
        where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= current_timestamp)
          and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < current_timestamp)
          and RES.SUSPENSION_STATE_ = 1
          and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
                where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_
                  and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= current_timestamp)
                  and J2.EXCLUSIVE_ = true))
               or RES.EXCLUSIVE_ = false)
        order by RES.DUEDATE_ asc
        limit 8""", String.class);
    assertThat(String.join("\n", plan)).contains(EngineIndexes.JOB_DUE_DATE);
  }

  @Test
  void theSubtaskLookupOfEveryCompletedTaskReadsTheParentIndex() {
    // Task.xml, selectTasksByParentTaskId, run by TaskManager.deleteTask for every task that
    // is completed or cancelled.
    List<String> plan = jdbc.queryForList(
        "explain select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'some-task'", String.class);
    assertThat(String.join("\n", plan)).contains(EngineIndexes.TASK_PARENT);
  }

  private boolean isCalledBy(String processInstanceId, String superProcessInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .superProcessInstanceId(superProcessInstanceId).count() > 0;
  }
}
