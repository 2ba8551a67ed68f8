-- The curriculum lives here (src/docs/content-store.md): every file of the content folder as a chain
-- of revisions, the one published now, drafts under review, and a record of every publish. The
-- content folder seeds it and exports it; the site is built from the published revisions.

-- Every revision of every file ever published, never rewritten. A revision whose body is NULL
-- removes the file. Paths are inside the content folder: modules/vneid/quiz.md, programs/x.md.
CREATE TABLE content_revision (
  id         BIGINT        NOT NULL AUTO_INCREMENT,
  path       VARCHAR(300)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  scope      VARCHAR(64)   NOT NULL,
  sha256     CHAR(64)      NULL,
  body       MEDIUMBLOB    NULL,
  source     VARCHAR(16)   NOT NULL,
  account_id BIGINT        NULL,
  comment    VARCHAR(500)  NULL,
  publish_id BIGINT        NULL,
  created_at DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_content_revision_path (path, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each file's published revision, and the text the content folder last gave for it: a file whose
-- published text is still the shipped one was not edited here, so a later release may update it.
CREATE TABLE content_file (
  path           VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  scope          VARCHAR(64)  NOT NULL,
  revision_id    BIGINT       NOT NULL,
  shipped_sha256 CHAR(64)     NULL,
  PRIMARY KEY (path),
  KEY ix_content_file_scope (scope),
  CONSTRAINT fk_content_file_revision FOREIGN KEY (revision_id) REFERENCES content_revision (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every text a content folder ever gave for a path: an older release restarting during a rolling
-- update gives a text already seen here, and changes nothing.
CREATE TABLE content_shipped (
  path          VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  first_seen_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (path, sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per module ('_programs' and '_skills' for those folders). serial grows with every change
-- of the scope: each instance reads the serials twice a second and reloads the scopes that moved.
CREATE TABLE content_scope (
  scope      VARCHAR(64) NOT NULL,
  serial     BIGINT      NOT NULL,
  version    CHAR(12)    NULL,
  retired_at DATETIME(3) NULL,
  retired_by BIGINT      NULL,
  changed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (scope)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every publish, seed, release update, retirement and return from it: who, which module, the
-- content version before and after. The audit trail is built on it.
CREATE TABLE content_publish (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  scope        VARCHAR(64)  NOT NULL,
  action       VARCHAR(16)  NOT NULL,
  old_version  CHAR(12)     NULL,
  new_version  CHAR(12)     NULL,
  account_id   BIGINT       NULL,
  draft_id     BIGINT       NULL,
  comment      VARCHAR(500) NULL,
  published_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_content_publish_scope (scope, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Seeding and folder updates take this row first, so that two instances starting at once do the
-- work once: the second waits, then finds it done.
CREATE TABLE content_lock (
  name      VARCHAR(32)  NOT NULL,
  holder    VARCHAR(200) NULL,
  locked_at DATETIME(3)  NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO content_lock (name) VALUES ('folder');

-- A draft: changes to the files of one scope, written by a trainer (or made from a release file
-- where the published text was edited here: author_id NULL), until an editor publishes it.
CREATE TABLE content_draft (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  scope          VARCHAR(64)   NOT NULL,
  title          VARCHAR(200)  NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  author_id      BIGINT        NULL,
  created_at     DATETIME(3)   NOT NULL,
  updated_at     DATETIME(3)   NOT NULL,
  review_comment VARCHAR(2000) NULL,
  reviewer_id    BIGINT        NULL,
  reviewed_at    DATETIME(3)   NULL,
  publish_id     BIGINT        NULL,
  PRIMARY KEY (id),
  KEY ix_content_draft_status (status, id),
  KEY ix_content_draft_author (author_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A draft's files. base_revision_id is the published revision the text was written from (NULL for
-- a new file); revision grows with every save, and a save names the one it was made from.
CREATE TABLE content_draft_file (
  draft_id         BIGINT       NOT NULL,
  path             VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  body             MEDIUMBLOB   NULL,
  base_revision_id BIGINT       NULL,
  revision         INT          NOT NULL,
  saved_by         BIGINT       NULL,
  saved_at         DATETIME(3)  NOT NULL,
  PRIMARY KEY (draft_id, path),
  CONSTRAINT fk_content_draft_file_draft FOREIGN KEY (draft_id) REFERENCES content_draft (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A save refused because someone saved first: its text is kept here, so nothing typed is lost.
CREATE TABLE content_draft_conflict (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  draft_id   BIGINT       NOT NULL,
  path       VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  body       MEDIUMBLOB   NULL,
  account_id BIGINT       NULL,
  saved_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_content_draft_conflict_draft (draft_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
