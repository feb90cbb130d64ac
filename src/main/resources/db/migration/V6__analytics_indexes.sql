-- Indexes for the analytics figures (package analytics, AnalyticsQueries). Each starts with the
-- column a figure's period or snapshot selects on and carries the columns the figure reads, so
-- the database answers from the index alone (PostgreSQL's index-only scans; H2 reads indexed
-- columns from the index entry too) instead of visiting one row per dispute.

-- Disputes opened in a period: per day and reason, where they stand now, per seller.
create index ix_dispute_opened_cohort on dispute (opened_at, status, reason, seller_id,
  escalated_at, decision, closed_at, closure_reason);

-- Open disputes now (closed_at is null) by status, awaiting party and due date, and those
-- waiting for a decision; disputes closed in a period with their closure and opening time.
create index ix_dispute_closed_state on dispute (closed_at, status, awaiting, due_at, overdue,
  decided_at, closure_reason, opened_at);

-- Escalations in a period, by reason.
create index ix_dispute_escalated on dispute (escalated_at, escalation_reason);

-- Decisions in a period: outcome, time in mediation, the same disputes' SLA breaches.
create index ix_dispute_decided on dispute (decided_at, decision, escalated_at, dispute_id);

-- A dispute's opening time by its id, for durations that start from a timeline entry.
create index ix_dispute_id_opened on dispute (dispute_id, opened_at);

-- Timeline entries of a type in a period; a dispute's entries of a type (its first answer, its
-- SLA breaches).
create index ix_dispute_event_type_dispute on dispute_event (event_type, occurred_at,
  dispute_id, event_id);
create index ix_dispute_event_dispute_type on dispute_event (dispute_id, event_type,
  occurred_at, event_id);

-- Refunds paid in a period, per currency.
create index ix_refund_requested on refund (requested_at, currency, dispute_id, amount);

-- A seller's orders shipped in a period (the dispute rate's denominator).
create index ix_market_order_seller_shipped on market_order (seller_id, shipped_at);
