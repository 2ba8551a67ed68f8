-- Quiz statistics for authors (src/docs/quiz-statistics.md). A background job (QuizStatistics)
-- folds submitted attempts into counters per quiz version, question and option; the page reads
-- only these counters, never the attempts.

-- Where the job stands: every attempt whose id sorts before folded_below is settled (submitted,
-- or expired unsubmitted) and, if submitted, folded. Attempt ids begin with their start time, so
-- this only moves forward. One row: the job locks it, so two instances never fold at once. The
-- collation is quiz_attempt's, so ids compare and join as they sort there.
CREATE TABLE quiz_stats_fold (
  id           TINYINT     NOT NULL,
  folded_below CHAR(32)    NOT NULL,
  folded_at    DATETIME(3) NULL,     -- when a run last committed
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO quiz_stats_fold (id, folded_below, folded_at) VALUES (1, '', NULL);

-- Submitted attempts at or past folded_below that are already folded (an attempt still open
-- before them holds the mark back): only the attempts of the last open window, removed as the
-- mark passes them.
CREATE TABLE quiz_stats_ahead (
  attempt_id CHAR(32) NOT NULL,
  PRIMARY KEY (attempt_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One quiz version: its submitted attempts, passes and the sums of their scores (right answers).
CREATE TABLE quiz_stats (
  module_id      VARCHAR(64) NOT NULL,
  version        CHAR(12)    NOT NULL,
  question_count INT         NOT NULL,  -- questions per attempt
  attempts       BIGINT      NOT NULL,
  passed         BIGINT      NOT NULL,
  score_sum      BIGINT      NOT NULL,
  score_sq_sum   BIGINT      NOT NULL,
  first_at       DATETIME(3) NOT NULL,  -- the first and last submission folded
  last_at        DATETIME(3) NOT NULL,
  PRIMARY KEY (module_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One question of a quiz version, over the attempts that showed it: with t an attempt's score and
-- x 1 when the question was answered right, the sums of t, t² and x·t give the point-biserial
-- correlation of the question with the rest of the quiz (QuestionFigures).
CREATE TABLE quiz_question_stats (
  module_id    VARCHAR(64) NOT NULL,
  version      CHAR(12)    NOT NULL,
  question_id  VARCHAR(32) NOT NULL,
  shown        BIGINT      NOT NULL,
  answered     BIGINT      NOT NULL,
  correct      BIGINT      NOT NULL,
  score_sum    BIGINT      NOT NULL,
  score_sq_sum BIGINT      NOT NULL,
  correct_score_sum BIGINT NOT NULL,
  PRIMARY KEY (module_id, version, question_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One option of a question: how many attempts chose it (for an ordering question: put this step
-- in its right place).
CREATE TABLE quiz_option_stats (
  module_id   VARCHAR(64) NOT NULL,
  version     CHAR(12)    NOT NULL,
  question_id VARCHAR(32) NOT NULL,
  option_id   VARCHAR(32) NOT NULL,
  chosen      BIGINT      NOT NULL,
  PRIMARY KEY (module_id, version, question_id, option_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
