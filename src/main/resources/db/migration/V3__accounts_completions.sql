-- Wards learners belong to. The starter list holds the wards named in the campaign, by name only:
-- their official codes, types and provinces come with the ward list import.
CREATE TABLE ward (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  code          VARCHAR(16)  NULL,
  name          VARCHAR(100) NOT NULL,
  type          VARCHAR(16)  NULL,       -- phường, xã, đặc khu
  province_code VARCHAR(16)  NULL,
  province_name VARCHAR(100) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_ward_code (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO ward (name) VALUES
  ('Đông Hưng Thuận'), ('An Khê'), ('Hải Châu'), ('Hòa Cường'), ('Ân Tường'), ('Thiệu Quang'),
  ('Lam Sơn');

-- People who sign in: residents (learners), trainers, ward officers, admins. Personal data is kept
-- to the minimum: the sign-in phone or CCCD only as a keyed hash plus its last 3 digits, a contact
-- phone only encrypted, the birth year rather than the date.
CREATE TABLE account (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  display_name      VARCHAR(100) NOT NULL,
  birth_year        SMALLINT     NULL,
  ward_id           BIGINT       NULL,
  role              VARCHAR(16)  NOT NULL,  -- learner, trainer, officer, admin
  sign_in_kind      VARCHAR(8)   NOT NULL,  -- phone, cccd, name (the first admin only)
  sign_in_hash      CHAR(64)     NOT NULL,  -- HMAC-SHA256 of the normalized sign-in name
  sign_in_last3     VARCHAR(3)   NOT NULL,
  contact_phone     VARBINARY(128) NULL,    -- AES-GCM, only if the learner gives it
  password_hash     VARCHAR(200) NOT NULL,  -- pbkdf2-sha256$iterations$salt$hash
  created_at        DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_account_sign_in (sign_in_hash),
  KEY ix_account_ward (ward_id),
  CONSTRAINT fk_account_ward FOREIGN KEY (ward_id) REFERENCES ward (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a person agreed to, and when, before their data was stored.
CREATE TABLE consent (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  account_id    BIGINT       NOT NULL,
  purpose       VARCHAR(32)  NOT NULL,
  text_version  VARCHAR(32)  NOT NULL,
  given_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_consent_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Signed-in sessions: only a hash of the cookie's token is stored, so any app instance can check
-- a session and a database dump cannot be used to sign in.
CREATE TABLE session (
  token_hash    CHAR(64)     NOT NULL,
  account_id    BIGINT       NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  expires_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (token_hash),
  KEY ix_session_account (account_id),
  CONSTRAINT fk_session_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One-time codes a trainer or ward officer gives a learner who forgot the password.
CREATE TABLE password_reset (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  account_id    BIGINT       NOT NULL,
  code_hash     CHAR(64)     NOT NULL,
  created_by    BIGINT       NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  expires_at    DATETIME(3)  NOT NULL,
  used_at       DATETIME(3)  NULL,
  PRIMARY KEY (id),
  KEY ix_password_reset_account (account_id),
  CONSTRAINT fk_reset_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_reset_creator FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Hits per bucket (a sign-in name, an address, …) per time window, shared by every app instance.
CREATE TABLE rate_limit (
  bucket        CHAR(64)     NOT NULL,
  window_start  DATETIME     NOT NULL,
  hits          INT          NOT NULL,
  PRIMARY KEY (bucket, window_start)
) ENGINE = InnoDB DEFAULT CHARSET = ascii;

-- A completion (Chứng nhận hoàn thành): immutable, one per learner and module or program.
CREATE TABLE completion (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  code          CHAR(12)     NOT NULL,  -- the public verification code
  account_id    BIGINT       NOT NULL,
  subject_type  VARCHAR(8)   NOT NULL,  -- module, program
  subject_id    VARCHAR(64)  NOT NULL,
  title         VARCHAR(200) NOT NULL,  -- the module or program title when completed
  version       VARCHAR(1000) NOT NULL, -- content version; for a program, each module@version
  score         INT          NULL,
  max_score     INT          NULL,
  attempt_id    CHAR(32)     NULL,
  ward_id       BIGINT       NULL,      -- the learner's ward when completed
  completed_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_completion_code (code),
  UNIQUE KEY uk_completion_subject (account_id, subject_type, subject_id),
  CONSTRAINT fk_completion_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE quiz_attempt ADD KEY ix_quiz_attempt_learner (learner_id, module_id);
