-- What a decision rests on: the rules of the policy catalogue it applied and the evidence it
-- relied on, written in the transaction of the task that decides (DecideDispute, ReviewAppeal).
-- Both parties read them with the decision; analytics count decisions and overturns by rule.
-- Written in the SQL that H2 and PostgreSQL both accept.

-- decision_id is the dispute id for the mediator's decision and the appeal id for the senior
-- mediator's; decision is what it decided (a platformDecision, or UPHOLD / OVERTURN).
create table decision_rule (
  decision_id           varchar(16)    not null,
  dispute_id            varchar(16)    not null,
  rule_id               varchar(64)    not null,
  decision              varchar(24)    not null,
  decided_at            timestamp with time zone not null,
  primary key (decision_id, rule_id)
);
-- Analytics read a period of decisions; a dispute's view reads its own.
create index ix_decision_rule_decided on decision_rule (decided_at);
create index ix_decision_rule_dispute on decision_rule (dispute_id);

create table decision_evidence (
  decision_id           varchar(16)    not null,
  dispute_id            varchar(16)    not null,
  evidence_id           bigint         not null,
  primary key (decision_id, evidence_id)
);
alter table decision_evidence add constraint fk_decision_evidence_evidence
  foreign key (evidence_id) references evidence (evidence_id);
create index ix_decision_evidence_dispute on decision_evidence (dispute_id);
