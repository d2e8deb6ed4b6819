-- Whether the channel vouched for the sender (email only with proof), kept so a message handled
-- after a restart is judged as it would have been.
ALTER TABLE inbox ADD COLUMN sender_authenticated BIGINT NOT NULL DEFAULT 1;

UPDATE inbox SET sender_authenticated = 0 WHERE channel = 'email';
