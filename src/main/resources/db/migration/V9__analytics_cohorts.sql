-- Figures about the disputes opened or closed in a period ("where the disputes opened in the
-- period stand", "how many of the disputes closed in the period were appealed") count events of
-- later days: a dispute opened on 1 March may close on 9 April. Such events are settled with the
-- day they happened, like the other day facts, but kept by the day of the dispute they belong to,
-- so that a period's figure sums one range of rows (package analytics, DayFacts.Cohort). Written
-- in the SQL that H2 and PostgreSQL both accept.

-- How many events of a kind happened on fact_day to disputes of cohort_day, by item: disputes
-- closed by how they ended, kept by their opening day; disputes appealed for the first time,
-- kept by their closing day. Keyed by fact and cohort day first: a figure reads one fact over a
-- range of cohort days.
create table analytics_cohort_count (
  fact varchar(40) not null,
  cohort_day date not null,
  fact_day date not null,
  item varchar(40) not null,
  occurrences bigint not null,
  primary key (fact, cohort_day, fact_day, item)
);

-- The days settled so far have none of these facts: they are settled again, with all of them,
-- when a figure next needs them.
delete from analytics_day_count;
delete from analytics_day_duration;
delete from analytics_settled_day;
