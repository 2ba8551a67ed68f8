-- Community digital teams (tổ công nghệ số cộng đồng) of a ward, the residential groups each
-- covers, and their trainers. Leaving a team sets left_at: the membership, and everything the
-- trainer recorded meanwhile, stays.
CREATE TABLE team (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  ward_id       BIGINT       NOT NULL,
  name          VARCHAR(100) NOT NULL,
  created_by    BIGINT       NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_team_name (ward_id, name),
  CONSTRAINT fk_team_ward FOREIGN KEY (ward_id) REFERENCES ward (id),
  CONSTRAINT fk_team_creator FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE team_group (
  team_id       BIGINT       NOT NULL,
  group_id      BIGINT       NOT NULL,
  PRIMARY KEY (team_id, group_id),
  CONSTRAINT fk_team_group_team FOREIGN KEY (team_id) REFERENCES team (id),
  CONSTRAINT fk_team_group_group FOREIGN KEY (group_id) REFERENCES residential_group (id)
) ENGINE = InnoDB;

CREATE TABLE team_member (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  team_id       BIGINT       NOT NULL,
  account_id    BIGINT       NOT NULL,
  joined_at     DATETIME(3)  NOT NULL,
  left_at       DATETIME(3)  NULL,
  added_by      BIGINT       NOT NULL,
  PRIMARY KEY (id),
  KEY ix_team_member_team (team_id, left_at),
  KEY ix_team_member_account (account_id, left_at),
  CONSTRAINT fk_team_member_team FOREIGN KEY (team_id) REFERENCES team (id),
  CONSTRAINT fk_team_member_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB;

-- Student digital ambassadors (đại sứ số) paired with households.
CREATE TABLE ambassador_household (
  account_id    BIGINT       NOT NULL,
  household_id  BIGINT       NOT NULL,
  paired_by     BIGINT       NOT NULL,
  paired_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (account_id, household_id),
  KEY ix_ambassador_household (household_id),
  CONSTRAINT fk_ambassador_account FOREIGN KEY (account_id) REFERENCES account (id),
  CONSTRAINT fk_ambassador_household FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE = InnoDB;

-- Assisted enrollment: who registered a resident on their own device, and which attempts and
-- completions a trainer assisted. The records stay the resident's own.
ALTER TABLE account ADD COLUMN registered_by BIGINT NULL,
  ADD KEY ix_account_registered_by (registered_by, created_at);
ALTER TABLE quiz_attempt ADD COLUMN assisted_by BIGINT NULL;
ALTER TABLE completion ADD COLUMN assisted_by BIGINT NULL,
  ADD KEY ix_completion_assisted_by (assisted_by, completed_at);

-- A practical skill a trainer saw a resident do (Xác nhận thực hành). Never deleted: a withdrawal
-- keeps who, when and why.
CREATE TABLE attestation (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  resident_id     BIGINT       NOT NULL,
  skill_id        VARCHAR(64)  NOT NULL,
  skill_title     VARCHAR(200) NOT NULL,
  trainer_id      BIGINT       NOT NULL,
  ward_id         BIGINT       NOT NULL,   -- the resident's ward when attested
  attested_on     DATE         NOT NULL,   -- the day the trainer saw it (Vietnam time)
  recorded_at     DATETIME(3)  NOT NULL,
  checklist       TEXT         NOT NULL,   -- JSON: the items confirmed, as the content had them
  reference       VARCHAR(100) NULL,       -- e.g. a dossier code: never shown publicly
  withdrawn_at    DATETIME(3)  NULL,
  withdrawn_by    BIGINT       NULL,
  withdraw_reason VARCHAR(300) NULL,
  PRIMARY KEY (id),
  KEY ix_attestation_resident (resident_id, skill_id),
  KEY ix_attestation_trainer (trainer_id, attested_on),
  KEY ix_attestation_ward (ward_id, attested_on),
  CONSTRAINT fk_attestation_resident FOREIGN KEY (resident_id) REFERENCES account (id),
  CONSTRAINT fk_attestation_trainer FOREIGN KEY (trainer_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- How many members of a household hold an attestation of each skill (not withdrawn).
CREATE TABLE household_skill (
  household_id  BIGINT       NOT NULL,
  skill_id      VARCHAR(64)  NOT NULL,
  members       INT          NOT NULL,
  PRIMARY KEY (household_id, skill_id),
  CONSTRAINT fk_household_skill FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
