-- Housekeeping deletes expired sessions and old rate-limit windows by time: these indexes let each
-- DELETE find its rows without reading the whole table.
CREATE INDEX ix_session_expires ON session (expires_at);
CREATE INDEX ix_rate_limit_window ON rate_limit (window_start);
