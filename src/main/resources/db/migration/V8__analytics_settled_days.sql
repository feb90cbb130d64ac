-- The analytics figures of days that are over, kept (package analytics, SettledDays). What
-- happened on a day no longer changes once the day has ended: how many disputes were opened,
-- escalated, decided, closed that day and how long they took. So a day's facts are counted once,
-- from the same queries the figures run on recent days, and a period's figures add up one row
-- per day and fact instead of reading every dispute of the period again. Nothing is backfilled:
-- a day is settled the first time a figure needs it. Written in the SQL that H2 and PostgreSQL
-- both accept.

-- The days whose facts below are complete. A day is settled in one transaction with its facts;
-- the primary key makes two nodes settling the same day at once keep one set.
create table analytics_settled_day (
  fact_day date not null primary key,
  settled_at timestamp with time zone not null
);

-- How many of a kind happened on a day: disputes opened by reason, escalated by reason, decided
-- by decision, and so on (DayFacts.Count). item is '' where the kind has no breakdown. Keyed by
-- fact first: a figure reads one fact over a range of days. amount: the sum paid, for refunds.
create table analytics_day_count (
  fact_day date not null,
  fact varchar(40) not null,
  item varchar(40) not null,
  occurrences bigint not null,
  amount numeric(19, 2),
  primary key (fact, fact_day, item)
);

-- The durations that ended on a day, in buckets 2 % wide (DayFacts.Duration): how many fell
-- into each, and the shortest and longest of them, from which the percentiles are interpolated.
create table analytics_day_duration (
  fact_day date not null,
  measure varchar(40) not null,
  bucket integer not null,
  occurrences bigint not null,
  shortest_seconds double precision not null,
  longest_seconds double precision not null,
  primary key (measure, fact_day, bucket)
);
