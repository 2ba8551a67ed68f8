-- Each module as the loader last made it (lessons, quiz and texts rendered and sanitized; pictures
-- left out, they are read from the published files), so that a start or a second instance reads it
-- instead of rendering again. Keyed by the module's content version and by the build that rendered
-- it: a new release renders once, as the renderer may have changed. Nothing here is a source of
-- truth; the table can be emptied at any time (src/docs/content-store.md).
CREATE TABLE content_rendered (
  module_id  VARCHAR(64) NOT NULL,
  version    CHAR(12)    NOT NULL,
  build      VARCHAR(64) NOT NULL,
  body       MEDIUMBLOB  NOT NULL,
  created_at DATETIME(3) NOT NULL,
  PRIMARY KEY (module_id, build, version),
  KEY content_rendered_build_created (build, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
