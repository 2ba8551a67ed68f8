-- An account may hold several roles (a trainer who also edits content). Learner is implicit: the
-- table lists the roles given beyond it. account.role is no longer read or written; it stays one
-- release so that an instance of the previous release still starts during a rolling restart.
CREATE TABLE account_role (
  account_id BIGINT NOT NULL,
  role VARCHAR(16) NOT NULL,
  PRIMARY KEY (account_id, role),
  CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO account_role (account_id, role) SELECT id, role FROM account WHERE role <> 'learner';

ALTER TABLE account MODIFY role VARCHAR(16) NULL DEFAULT 'learner';
