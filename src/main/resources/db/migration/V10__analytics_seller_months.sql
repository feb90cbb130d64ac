-- Top sellers by dispute rate over long periods (package analytics, SettledDays and
-- AnalyticsQueries.topSellers). A year holds about as many disputes and orders per seller as
-- rows to group, one by one, in every request; a calendar month that is over is counted once per
-- seller instead. Its disputes no longer change. Its orders may: the marketplace can push an
-- order late, or move one to another seller or day. So a month's orders serve only as a lower
-- bound, to leave out the sellers who cannot make the list; the listed sellers' orders are always
-- counted from market_order. A month an order moves out of is forgotten and counted again.
-- Written in the SQL that H2 and PostgreSQL both accept.

-- Orders shipped in a time range, grouped by seller: what settling a month reads.
create index ix_market_order_shipped_seller on market_order (shipped_at, seller_id);

-- The months (UTC, by first day) whose seller counts below are complete.
create table analytics_settled_month (
  month_start date not null primary key,
  settled_at timestamp with time zone not null
);

-- Per seller and month: disputes opened (refused requests left out) and orders shipped, as of
-- the month's settling.
create table analytics_seller_month (
  month_start date not null,
  seller_id varchar(64) not null,
  disputes bigint not null,
  orders bigint not null,
  primary key (month_start, seller_id)
);
