-- What a ward officer enters: the ward's denominators and target percentages, from a date on.
-- Rows are never updated: a new row applies from its date, and the history stays.
CREATE TABLE ward_target (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  ward_id         BIGINT       NOT NULL,
  applies_from    DATE         NOT NULL,
  adults          INT          NOT NULL,  -- adult population (≥ 18)
  households      INT          NOT NULL,
  adults_target   DECIMAL(5,2) NOT NULL,  -- % of adults with the basic program
  online_target   DECIMAL(5,2) NOT NULL,  -- % of households with a member who files online
  family_target   DECIMAL(5,2) NOT NULL,  -- % of households that are "Gia đình số"
  set_by          BIGINT       NOT NULL,
  set_at          DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_ward_target_current (ward_id, applies_from, id),
  CONSTRAINT fk_ward_target_ward FOREIGN KEY (ward_id) REFERENCES ward (id),
  CONSTRAINT fk_ward_target_setter FOREIGN KEY (set_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Residential groups of a ward: tổ dân phố, khu phố, thôn.
CREATE TABLE residential_group (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  ward_id       BIGINT       NOT NULL,
  name          VARCHAR(100) NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_group_name (ward_id, name),
  CONSTRAINT fk_group_ward FOREIGN KEY (ward_id) REFERENCES ward (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Households: residents at one address of a residential group. The two flags are derived from
-- household_module and kept in the same transaction as the completions they follow.
CREATE TABLE household (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  ward_id         BIGINT       NOT NULL,
  group_id        BIGINT       NOT NULL,
  address         VARCHAR(200) NOT NULL,
  address_key     VARCHAR(200) NOT NULL,  -- the address lower-cased with spaces collapsed
  online_filer    BOOLEAN      NOT NULL DEFAULT FALSE,
  digital_family  BOOLEAN      NOT NULL DEFAULT FALSE,
  created_by      BIGINT       NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_household_address (group_id, address_key),
  KEY ix_household_ward (ward_id),
  CONSTRAINT fk_household_ward FOREIGN KEY (ward_id) REFERENCES ward (id),
  CONSTRAINT fk_household_group FOREIGN KEY (group_id) REFERENCES residential_group (id),
  CONSTRAINT fk_household_creator FOREIGN KEY (created_by) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A learner belongs to at most one household.
ALTER TABLE account ADD COLUMN household_id BIGINT NULL,
  ADD KEY ix_account_household (household_id),
  ADD CONSTRAINT fk_account_household FOREIGN KEY (household_id) REFERENCES household (id);

-- How many members of a household have completed each module.
CREATE TABLE household_module (
  household_id  BIGINT       NOT NULL,
  module_id     VARCHAR(64)  NOT NULL,
  members       INT          NOT NULL,
  PRIMARY KEY (household_id, module_id),
  CONSTRAINT fk_household_module FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Per-ward counters, kept in the transaction of each completion (and of each household change),
-- so a dashboard reads a few hundred rows whatever the number of records. Metrics:
--   module      dimension = module id        module completions
--   program     dimension = program id       program completions
--   month       dimension = YYYY-MM          module completions that month (Vietnam time)
--   basic_year  dimension = birth year       learners with the basic program, by birth year
--   households  dimension = group id         households
--   hh_online   dimension = group id         households with a member who completed online filing
--   hh_family   dimension = group id         "Gia đình số" households
CREATE TABLE ward_count (
  ward_id       BIGINT       NOT NULL,
  metric        VARCHAR(16)  NOT NULL,
  dimension     VARCHAR(64)  NOT NULL,
  value         BIGINT       NOT NULL,
  PRIMARY KEY (ward_id, metric, dimension)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who downloaded which report, with which filters and how many rows: no personal data.
CREATE TABLE report_download (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  account_id    BIGINT       NOT NULL,
  ward_id       BIGINT       NULL,      -- null for a city/province roll-up
  report        VARCHAR(32)  NOT NULL,  -- ward.csv, ward.xlsx, rollup.csv, rollup.xlsx
  filters       VARCHAR(400) NOT NULL,
  row_count     BIGINT       NOT NULL,
  completed     BOOLEAN      NOT NULL,  -- false when the download broke off
  started_at    DATETIME(3)  NOT NULL,
  millis        BIGINT       NOT NULL,
  PRIMARY KEY (id),
  KEY ix_report_download_ward (ward_id, started_at),
  CONSTRAINT fk_report_download_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Ward reports read a ward's completions in time order.
ALTER TABLE completion ADD KEY ix_completion_ward_time (ward_id, completed_at);

-- Imported wards keep their import time; starter wards have none.
ALTER TABLE ward ADD COLUMN imported_at DATETIME(3) NULL;
