-- Every email notice, one row per recipient and occurrence, so that a retried job never mails twice.
-- Rows are written in their own short transactions (the mail server is outside the engine's
-- transaction): PENDING when first tried, FAILED after a send error (the engine retries the job),
-- SENT once the server accepted the mail, UNDELIVERABLE when the recipient has no address.

create table notice_outbox (
  -- business key + ':' + notice + ':' + recipient user id + ':' + occurrence
  idempotency_key       varchar(300)   not null primary key,
  business_key          varchar(64)    not null,
  dispute_id            varchar(16),
  notice                varchar(32)    not null,
  recipient_id          varchar(64)    not null,
  recipient_role        varchar(24)    not null,
  recipient_address     varchar(254),
  locale                varchar(16),
  process_instance_id   varchar(64)    not null,
  activity_id           varchar(64)    not null,
  -- the id of the job that runs the send task: the same for every retry, new for every pass
  occurrence            varchar(64)    not null,
  message_id            varchar(128)   not null,
  subject               varchar(300),
  status                varchar(16)    not null,
  attempts              integer        default 0 not null,
  last_error            varchar(1000),
  created_at            timestamp with time zone not null,
  last_attempt_at       timestamp with time zone,
  sent_at               timestamp with time zone
);
create index ix_notice_outbox_business_key on notice_outbox (business_key, created_at);
create index ix_notice_outbox_status on notice_outbox (status, created_at);
create index ix_notice_outbox_created on notice_outbox (created_at);
