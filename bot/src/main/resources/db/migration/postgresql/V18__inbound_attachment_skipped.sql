-- Whether the message brought an attachment the bot does not read (InboundMessage.attachmentSkipped):
-- kept with the message, so that one handled from the inbox (again after a crash, or by the core
-- leader) still tells the person, once, that their photo, document or voice note was not read.
ALTER TABLE inbox ADD COLUMN attachment_skipped BIGINT NOT NULL DEFAULT 0;
