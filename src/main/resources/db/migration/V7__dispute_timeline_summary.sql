-- Two facts of a dispute's timeline kept on its row, so that the analytics figures read them
-- from a range of one index instead of looking into the timeline once per dispute (see
-- AnalyticsQueries: durations, mediation-sla). DisputeRecords sets them in the transaction that
-- writes the timeline entry. Written in the SQL that H2 and PostgreSQL both accept.

-- When the seller first answered the claim (SELLER_ACCEPTED, COUNTER_OFFERED or SELLER_REJECTED),
-- and when the mediation SLA first ran out (MEDIATION_SLA_BREACHED); NULL while it has not
-- happened. Later answers and later breaches do not move them.
alter table dispute add column seller_answered_at timestamp with time zone;
alter table dispute add column mediation_sla_breached_at timestamp with time zone;

-- The disputes recorded before this version: one pass over the table, each row reading its own
-- timeline entries through the (dispute, type) index of V6.
update dispute set
  seller_answered_at = (select min(e.occurred_at) from dispute_event e
    where e.dispute_id = dispute.dispute_id
      and e.event_type in ('SELLER_ACCEPTED', 'COUNTER_OFFERED', 'SELLER_REJECTED')),
  mediation_sla_breached_at = (select min(e.occurred_at) from dispute_event e
    where e.dispute_id = dispute.dispute_id and e.event_type = 'MEDIATION_SLA_BREACHED');

-- First seller answers in a period, with the opening time their duration starts from.
create index ix_dispute_seller_answered on dispute (seller_answered_at, opened_at);

-- Decisions in a period: outcome, time in mediation, whether the SLA had run out. Replaces V6's
-- index, which carried the dispute id for a lookup of the breach per decision.
create index ix_dispute_decided_sla on dispute (decided_at, decision, escalated_at,
  mediation_sla_breached_at);
drop index ix_dispute_decided;

-- Only the per-dispute lookups above used these; every new timeline entry and dispute paid
-- for keeping them.
drop index ix_dispute_id_opened;
drop index ix_dispute_event_dispute_type;
