-- What a ward report shows of the learner, kept on each completion so that a report reads one
-- table in its time index instead of looking up an account for each of a million rows:
-- the masked name and the birth year (both fixed when the account is made) and the learner's
-- household, which Households keeps equal to the account's in the same transaction as a move
-- (reconciliation checks it). Only the masked name: the full name stays on the account alone.
ALTER TABLE completion
  ADD COLUMN learner_masked     VARCHAR(100) NULL,
  ADD COLUMN learner_birth_year SMALLINT     NULL,
  ADD COLUMN household_id       BIGINT       NULL;

-- Existing completions: the same mask NameMask makes (family name, then the other names'
-- initials), written in SQL.
UPDATE completion c JOIN account a ON a.id = c.account_id
  SET c.learner_masked = REGEXP_REPLACE(TRIM(a.display_name), '[ \\t\\n\\r\\f]+(\\S)\\S*', ' \\1.'),
      c.learner_birth_year = a.birth_year,
      c.household_id = a.household_id;
