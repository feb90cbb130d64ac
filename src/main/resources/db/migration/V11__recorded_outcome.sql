-- The outcome a dispute is to carry out, recorded on its row by the step that decides it, in that
-- step's transaction: the seller's acceptance of the claim, the accepted offer (also when the
-- buyer's deadline passes after a counter offer), the mediator's decision, an appeal's overturn.
-- Refunds are paid from here, never from a process variable. Written in the SQL that H2 and
-- PostgreSQL both accept.

-- What is to be carried out (FULL_REFUND, PARTIAL_REFUND, RETURN_AND_REFUND, REPLACEMENT, NONE)
-- and the refund total it calls for; NULL while nothing has been decided.
alter table dispute add column outcome_resolution varchar(24);
alter table dispute add column outcome_refund numeric(19, 2);
-- Whom the mediator asked for evidence (BUYER or SELLER): the party the evidence task goes to.
alter table dispute add column evidence_requested_from varchar(16);

-- Disputes recorded before this version. A closed one carries out nothing more than it closed
-- with.
update dispute set outcome_resolution = resolution, outcome_refund = refund_amount
  where resolution is not null;

-- One that is not closed (still open, or reopened by its appeal) may be between its decision and
-- the refund: its outcome is the one the latest deciding entry of its timeline names (agreement,
-- buyer silence, decision, appeal decision, lapsed return).
update dispute set
  outcome_resolution = coalesce((select e.resolution from dispute_event e
    where e.dispute_id = dispute.dispute_id and e.resolution is not null
      and e.event_type in ('AGREED', 'BUYER_NO_RESPONSE', 'DECIDED', 'APPEAL_OVERTURNED',
        'APPEAL_UPHELD', 'CLAIM_LAPSED')
    order by e.occurred_at desc, e.event_id desc fetch first 1 rows only), resolution),
  outcome_refund = coalesce((select e.amount from dispute_event e
    where e.dispute_id = dispute.dispute_id and e.resolution is not null
      and e.event_type in ('AGREED', 'BUYER_NO_RESPONSE', 'DECIDED', 'APPEAL_OVERTURNED',
        'APPEAL_UPHELD', 'CLAIM_LAPSED')
    order by e.occurred_at desc, e.event_id desc fetch first 1 rows only), refund_amount)
  where status not in ('CLOSED', 'INELIGIBLE');

-- Whom an open dispute's latest evidence request asked, as its timeline entry says
-- ("BUYER: …" or "SELLER: …").
update dispute set evidence_requested_from = (select case
      when e.detail like 'BUYER:%' then 'BUYER' when e.detail like 'SELLER:%' then 'SELLER' end
    from dispute_event e
    where e.dispute_id = dispute.dispute_id and e.event_type = 'EVIDENCE_REQUESTED'
    order by e.occurred_at desc, e.event_id desc fetch first 1 rows only)
  where status not in ('CLOSED', 'INELIGIBLE');
