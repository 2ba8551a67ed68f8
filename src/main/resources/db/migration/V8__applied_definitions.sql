-- The definitions the stored figures were computed with, e.g. which modules and skills make a
-- household "Gia đình số". When the curriculum changes one, the instance that claims the change
-- here (one UPDATE, so only one instance wins) recomputes the figures that depend on it.
CREATE TABLE applied_definition (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  definition VARCHAR(4000) NOT NULL,
  applied_at TIMESTAMP(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
