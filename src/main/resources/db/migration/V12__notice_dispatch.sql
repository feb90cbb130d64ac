-- Notices are written by the step that causes them, in that step's transaction, and sent later by
-- the dispatcher (notification.NoticeDispatcher), in batches, on any node. A notice is due while
-- PENDING or FAILED and next_attempt_at has come; a sender takes a batch by writing its lease
-- (owner and expiry), so that two nodes never send the same notice, and a notice whose sender
-- died is taken again once its lease has run out. After too many attempts it is GAVE_UP until an
-- operator retries or drops it (DROPPED).
alter table notice_outbox add column recipient_name varchar(200);
alter table notice_outbox add column next_attempt_at timestamp with time zone;
alter table notice_outbox add column lease_owner varchar(80);
alter table notice_outbox add column lease_until timestamp with time zone;

-- Rows of the former path (a job that rendered and sent at once) hold no body: their jobs, where
-- still waiting, write them again; the rows themselves are kept for the record, not sent.
update notice_outbox set status = 'DROPPED',
  last_error = 'written before notices were dispatched; its job writes it again'
  where status in ('PENDING', 'FAILED');

-- The mail as the step wrote it: what the notice says is what was true when the step committed.
-- A table of its own, written once: the outbox's rows are updated on every attempt (lease, mark),
-- and a row that carried the mail would be copied whole each time.
create table notice_body (
  idempotency_key       varchar(300)   not null primary key,
  body_text             varchar(100000) not null,
  body_html             varchar(100000) not null
);

drop index ix_notice_outbox_status;
create index ix_notice_outbox_due on notice_outbox (status, next_attempt_at);
