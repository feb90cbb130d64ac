-- The steps before and after a dispute: the buyer's contact with the seller and the appeal of a
-- closed dispute. Written in the SQL that H2 and PostgreSQL both accept.

-- One conversation between a buyer and the seller about an order, before any dispute.
create table contact (
  contact_id            varchar(16)    not null primary key,
  order_id              varchar(64)    not null,
  process_instance_id   varchar(64),
  buyer_id              varchar(64)    not null,
  seller_id             varchar(64)    not null,
  status                varchar(24)    not null,
  awaiting              varchar(16),
  due_at                timestamp with time zone,
  -- When the seller's reply deadline passed without a reply; null when the seller replied.
  seller_silent_at      timestamp with time zone,
  dispute_id            varchar(16),
  opened_at             timestamp with time zone not null,
  closed_at             timestamp with time zone,
  -- Holds order_id while the contact is open. Unique, so two racing requests cannot both open a
  -- contact for the same order; NULL once it is closed.
  order_lock            varchar(64)
);
alter table contact add constraint uq_contact_order_lock unique (order_lock);
create index ix_contact_order on contact (order_id);
create index ix_contact_buyer on contact (buyer_id, opened_at);
create index ix_contact_seller on contact (seller_id, opened_at);

-- Every message of a contact, numbered in the order it was posted.
create table contact_message (
  contact_id            varchar(16)    not null,
  message_no            integer        not null,
  author_id             varchar(64)    not null,
  author_role           varchar(16)    not null,
  body                  varchar(4000)  not null,
  posted_at             timestamp with time zone not null,
  primary key (contact_id, message_no)
);

-- One row per appeal request, refused or not.
create table appeal (
  appeal_id             varchar(16)    not null primary key,
  dispute_id            varchar(16)    not null,
  process_instance_id   varchar(64),
  appellant_id          varchar(64)    not null,
  appellant_role        varchar(16),
  status                varchar(16)    not null,
  rejected_reason       varchar(32),
  statement             varchar(4000)  not null,
  decision              varchar(16),
  rationale             varchar(4000),
  reviewer_id           varchar(64),
  previous_resolution   varchar(24),
  previous_refund       numeric(19, 2),
  resolution            varchar(24),
  refund_amount         numeric(19, 2),
  overdue               boolean        default false not null,
  opened_at             timestamp with time zone not null,
  decided_at            timestamp with time zone,
  closed_at             timestamp with time zone,
  -- Holds dispute_id for an accepted appeal: a dispute is appealed once, and the unique
  -- constraint keeps two racing appeals from both being accepted. NULL for a refused request.
  dispute_lock          varchar(16)
);
alter table appeal add constraint uq_appeal_dispute_lock unique (dispute_lock);
create index ix_appeal_dispute on appeal (dispute_id);
create index ix_appeal_appellant on appeal (appellant_id, opened_at);
create index ix_appeal_status on appeal (status, opened_at);

-- The dispute's own record shows its appeal and how it ended (UPHELD or OVERTURNED).
alter table dispute add column appeal_id varchar(16);
alter table dispute add column appeal_outcome varchar(16);
