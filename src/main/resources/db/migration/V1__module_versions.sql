-- Every content version of a module the app has served. Completions (and attempts) point at a
-- version, so the version's title and quiz must stay readable after the content changes.
CREATE TABLE module_version (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  module_id     VARCHAR(64)  NOT NULL,
  version       CHAR(12)     NOT NULL,
  title         VARCHAR(200) NOT NULL,
  lesson_count  INT          NOT NULL,
  quiz_source   MEDIUMTEXT   NULL,
  first_seen_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_module_version (module_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
