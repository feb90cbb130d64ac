-- A party asking the platform to decide may say why (an EscalationRequestReason) and add a
-- comment; both stay on the dispute for the mediator and the parties. The contract's
-- escalation_reason still says who asked.
alter table dispute add column escalation_request_reason varchar(32);
alter table dispute add column escalation_comment varchar(4000);
