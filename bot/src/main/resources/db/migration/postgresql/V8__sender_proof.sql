-- What the channel knew about the sender (see Proof), instead of a yes or no. Messages
-- stored before keep what they had: email that was vouched for counts as the weakest proof.
ALTER TABLE inbox ADD COLUMN sender_proof TEXT NOT NULL DEFAULT 'none';

UPDATE inbox SET sender_proof = CASE
    WHEN sender_authenticated = 0 THEN 'none'
    WHEN channel = 'email' THEN 'secret'
    ELSE 'platform' END;
