-- One attempt at a module's quiz. The answer key stays in the content (pinned by version); an
-- attempt stores what was shown, what was answered and the score, and is submitted at most once.
CREATE TABLE quiz_attempt (
  id             CHAR(32)     NOT NULL,  -- random, unguessable
  module_id      VARCHAR(64)  NOT NULL,
  version        CHAR(12)     NOT NULL,  -- the content version the attempt scores against
  owner_hash     CHAR(64)     NOT NULL,  -- SHA-256 of the owner's key (a guest cookie, a learner)
  learner_id     BIGINT       NULL,
  questions      TEXT         NOT NULL,  -- JSON: drawn question ids and the option order shown
  question_count INT          NOT NULL,
  pass_mark      INT          NOT NULL,
  started_at     DATETIME(3)  NOT NULL,
  expires_at     DATETIME(3)  NOT NULL,
  submitted_at   DATETIME(3)  NULL,
  answers        TEXT         NULL,      -- JSON, as scored
  answers_hash   CHAR(64)     NULL,      -- tells a repeated submission from a different one
  score          INT          NULL,
  passed         BOOLEAN      NULL,
  results        TEXT         NULL,      -- JSON: per question, right or not
  PRIMARY KEY (id),
  KEY ix_quiz_attempt_owner (owner_hash, module_id, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
