-- Whether the person's text was longer than the bot reads (InboundMessage.textCut): kept with the
-- message, so that one handled from the inbox later (a retry, a restart, a channel leader handing
-- it to the core leader) still gets its one note that it was cut. 0 for every message before.
ALTER TABLE inbox ADD COLUMN text_cut INTEGER NOT NULL DEFAULT 0;
