package org.aidbridge.bot.store;

import java.util.Arrays;
import java.util.List;

/**
 * The schema as AidBridge built it before Flyway, kept to make the files older versions made (the
 * upgrade tests open them with today's code). The same steps are the SQLite scripts {@code V1} to
 * {@code V14} in {@code db/migration/sqlite}.
 *
 * <p>The schema, as the steps that build it. Step {@code n} (1-based) takes a database from {@code
 * PRAGMA user_version = n - 1} to {@code n}. They are frozen: a released step never changes, and a
 * new one is a Flyway script pair, never appended here (see {@link SchemaUpgradeTest}).
 *
 * <p>Conventions: instants are epoch milliseconds (INTEGER); enums are stored by name, channels and
 * categories by their lower-case ids; an address is three columns {@code x_channel}, {@code x_id},
 * {@code x_is_group}, and channel plus id identify it (the group flag is kept, not compared).
 *
 * <p>A step's statements are split where a line ends with a semicolon, so a statement must not
 * (triggers would need another way).
 */
final class LegacyMigrations {

  private static final String V1_INITIAL =
      """
      CREATE TABLE inbox (
        id                    INTEGER PRIMARY KEY,
        channel               TEXT    NOT NULL,
        channel_message_id    TEXT    NOT NULL,
        sender_channel        TEXT    NOT NULL,
        sender_id             TEXT    NOT NULL,
        sender_is_group       INTEGER NOT NULL,
        group_channel         TEXT,
        group_id              TEXT,
        group_is_group        INTEGER,
        text                  TEXT    NOT NULL,
        subject               TEXT,
        language_hint         TEXT,
        reply_to              TEXT,
        addressed_to_bot      INTEGER NOT NULL,
        sender_is_group_admin INTEGER NOT NULL,
        received_at           INTEGER NOT NULL,
        processed             INTEGER NOT NULL DEFAULT 0,
        UNIQUE (channel, channel_message_id)
      );
      CREATE INDEX inbox_unprocessed ON inbox (id) WHERE processed = 0;

      CREATE TABLE listings (
        id              INTEGER PRIMARY KEY,
        ref             TEXT    NOT NULL UNIQUE COLLATE NOCASE,
        kind            TEXT    NOT NULL,
        status          TEXT    NOT NULL,
        text            TEXT    NOT NULL,
        items_json      TEXT    NOT NULL,
        place_text      TEXT,
        place_name      TEXT,
        place_country   TEXT,
        place_lat       REAL,
        place_lon       REAL,
        urgency         TEXT    NOT NULL,
        created_at      INTEGER NOT NULL,
        expires_at      INTEGER NOT NULL,
        author_channel  TEXT    NOT NULL,
        author_id       TEXT    NOT NULL,
        author_is_group INTEGER NOT NULL,
        language        TEXT    NOT NULL,
        external_id     TEXT
      );
      CREATE INDEX listings_external_id ON listings (external_id);
      CREATE INDEX listings_author ON listings (author_channel, author_id);

      CREATE TABLE listing_categories (
        listing_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
        category   TEXT    NOT NULL,
        PRIMARY KEY (listing_id, category)
      ) WITHOUT ROWID;
      CREATE INDEX listing_categories_category ON listing_categories (category, listing_id);

      CREATE TABLE matches (
        id           INTEGER PRIMARY KEY,
        need_id      INTEGER NOT NULL REFERENCES listings (id),
        offer_id     INTEGER NOT NULL REFERENCES listings (id),
        score        REAL    NOT NULL,
        reasons_json TEXT    NOT NULL,
        created_at   INTEGER NOT NULL,
        UNIQUE (need_id, offer_id)
      );
      CREATE INDEX matches_offer ON matches (offer_id);

      CREATE TABLE outbox (
        id                 INTEGER PRIMARY KEY,
        status             TEXT    NOT NULL,
        channel            TEXT    NOT NULL,
        recipient_id       TEXT    NOT NULL,
        recipient_is_group INTEGER NOT NULL,
        subject            TEXT,
        text               TEXT    NOT NULL,
        in_reply_to        TEXT,
        topic              TEXT,
        language           TEXT    NOT NULL,
        choices_json       TEXT    NOT NULL,
        created_at         INTEGER NOT NULL,
        not_before         INTEGER NOT NULL,
        attempts           INTEGER NOT NULL DEFAULT 0,
        last_error         TEXT,
        sent_at            INTEGER,
        channel_message_id TEXT
      );
      CREATE INDEX outbox_pending ON outbox (channel, id) WHERE status = 'PENDING';
      CREATE INDEX outbox_pending_recipient ON outbox (channel, recipient_id, id)
        WHERE status = 'PENDING';
      CREATE INDEX outbox_channel_message ON outbox (channel, channel_message_id);

      CREATE TABLE subscriptions (
        group_channel  TEXT    NOT NULL,
        group_id       TEXT    NOT NULL,
        group_is_group INTEGER NOT NULL,
        center_text    TEXT    NOT NULL,
        center_name    TEXT,
        center_country TEXT,
        center_lat     REAL,
        center_lon     REAL,
        radius_km      REAL    NOT NULL,
        categories     TEXT    NOT NULL,
        language       TEXT,
        PRIMARY KEY (group_channel, group_id)
      );

      CREATE TABLE unreachable (
        address_channel  TEXT    NOT NULL,
        address_id       TEXT    NOT NULL,
        address_is_group INTEGER NOT NULL,
        PRIMARY KEY (address_channel, address_id)
      );

      CREATE TABLE state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      """;

  /**
   * Each category row of a listing also carries the listing's one-degree geographic cell (see
   * GeoCells), so matching looks up (category, cell) instead of every listing in a category.
   */
  private static final String V2_GEO_CELLS =
      """
      ALTER TABLE listing_categories ADD COLUMN cell INTEGER;

      UPDATE listing_categories
         SET cell = (SELECT CAST(l.place_lat + 90 AS INTEGER) * 360 + CAST(l.place_lon + 180 AS INTEGER)
                       FROM listings l
                      WHERE l.id = listing_categories.listing_id AND l.place_lat IS NOT NULL);

      CREATE INDEX listing_categories_cell ON listing_categories (category, cell, listing_id);
      """;

  /** One person's identities on several channels, linked with a one-time code. */
  private static final String V3_IDENTITY_LINKS =
      """
      CREATE TABLE identity_links (
        address_channel TEXT    NOT NULL,
        address_id      TEXT    NOT NULL,
        person_id       INTEGER NOT NULL,
        PRIMARY KEY (address_channel, address_id)
      );

      CREATE INDEX identity_links_person ON identity_links (person_id);
      """;

  /**
   * Whether the channel vouched for the sender (email only with proof), kept so a message handled
   * after a restart is judged as it would have been.
   */
  private static final String V4_SENDER_AUTHENTICATED =
      """
      ALTER TABLE inbox ADD COLUMN sender_authenticated INTEGER NOT NULL DEFAULT 1;

      UPDATE inbox SET sender_authenticated = 0 WHERE channel = 'email';
      """;

  /**
   * What the listings' life needs: which expiry the author was asked about (so the question comes
   * once), which rings a need was escalated to (once each, counted for statistics), and which
   * digests a group was sent (so a restart does not send one twice).
   */
  private static final String V5_LIFECYCLE =
      """
      CREATE TABLE renewal_prompts (
        listing_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL,
        asked_at   INTEGER NOT NULL,
        PRIMARY KEY (listing_id, expires_at)
      ) WITHOUT ROWID;

      CREATE TABLE escalations (
        listing_id   INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
        ring         INTEGER NOT NULL,
        escalated_at INTEGER NOT NULL,
        PRIMARY KEY (listing_id, ring)
      ) WITHOUT ROWID;
      CREATE INDEX escalations_ring ON escalations (ring);

      CREATE TABLE digests_sent (
        group_channel TEXT    NOT NULL,
        group_id      TEXT    NOT NULL,
        period        TEXT    NOT NULL,
        sent_at       INTEGER NOT NULL,
        PRIMARY KEY (group_channel, group_id, period)
      ) WITHOUT ROWID;

      CREATE INDEX listings_life ON listings (status, expires_at);
      CREATE INDEX inbox_received ON inbox (received_at) WHERE processed = 1;
      CREATE INDEX outbox_recipient ON outbox (channel, recipient_id);
      CREATE INDEX outbox_finished ON outbox (status, sent_at);
      CREATE INDEX outbox_sent_topic ON outbox (topic) WHERE status = 'SENT';
      """;

  /**
   * Typed tables for what the {@code state} key/value table kept about people as strings: bans, the
   * bot's questions waiting for an answer, consent to swap contact details, relay counts and
   * coordinators' broadcast drafts. Rows that name a listing go with it ({@code ON DELETE
   * CASCADE}); rows that name a person are keyed by their address, so forgetting them is a plain
   * {@code DELETE}. Existing values move over and leave {@code state}; a value that names a listing
   * no longer there is dropped, as it could never be used.
   */
  private static final String V6_TYPED_PERSON_STATE =
      """
      CREATE TABLE bans (
        address_channel TEXT    NOT NULL,
        address_id      TEXT    NOT NULL,
        banned_at       INTEGER NOT NULL,
        PRIMARY KEY (address_channel, address_id)
      ) WITHOUT ROWID;

      CREATE TABLE pending_questions (
        address_channel TEXT    NOT NULL,
        address_id      TEXT    NOT NULL,
        topic           TEXT    NOT NULL,
        question        TEXT    NOT NULL,
        listing_id      INTEGER REFERENCES listings (id) ON DELETE CASCADE,
        asked_at        INTEGER NOT NULL,
        PRIMARY KEY (address_channel, address_id, topic)
      ) WITHOUT ROWID;
      CREATE INDEX pending_questions_listing ON pending_questions (listing_id);

      CREATE TABLE share_consents (
        need_id  INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
        offer_id INTEGER NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
        side     TEXT    NOT NULL,
        given_at INTEGER NOT NULL,
        PRIMARY KEY (need_id, offer_id, side)
      ) WITHOUT ROWID;
      CREATE INDEX share_consents_offer ON share_consents (offer_id);

      CREATE TABLE relay_counts (
        address_channel TEXT    NOT NULL,
        address_id      TEXT    NOT NULL,
        hour            INTEGER NOT NULL,
        relays          INTEGER NOT NULL,
        PRIMARY KEY (address_channel, address_id)
      ) WITHOUT ROWID;

      CREATE TABLE broadcast_drafts (
        address_channel TEXT    NOT NULL,
        address_id      TEXT    NOT NULL,
        area_name       TEXT,
        area_lat        REAL,
        area_lon        REAL,
        category        TEXT,
        text            TEXT    NOT NULL,
        expires_at      INTEGER NOT NULL,
        PRIMARY KEY (address_channel, address_id)
      ) WITHOUT ROWID;

      INSERT OR IGNORE INTO bans (address_channel, address_id, banned_at)
      SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1),
             CAST(strftime('%s', 'now') AS INTEGER) * 1000
        FROM (SELECT substr(key, 8) AS q FROM state WHERE key LIKE 'banned:%' AND value = '1');

      INSERT OR IGNORE INTO pending_questions
             (address_channel, address_id, topic, question, listing_id, asked_at)
      SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1), 'LISTING',
             upper(substr(value, 1, instr(value, ':') - 1)),
             CAST(substr(value, instr(value, ':') + 1) AS INTEGER),
             CAST(strftime('%s', 'now') AS INTEGER) * 1000
        FROM (SELECT substr(key, 10) AS q, value FROM state
               WHERE key LIKE 'question:%' AND value <> '')
       WHERE CAST(substr(value, instr(value, ':') + 1) AS INTEGER) IN (SELECT id FROM listings);

      INSERT OR IGNORE INTO pending_questions
             (address_channel, address_id, topic, question, listing_id, asked_at)
      SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1), 'FORGET', 'FORGET',
             NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000
        FROM (SELECT substr(key, 8) AS q FROM state WHERE key LIKE 'forget:%' AND value <> '');

      WITH s AS (SELECT substr(key, 13) AS pair, value FROM state
                  WHERE key LIKE 'share:match:%' AND value <> ''),
           p AS (SELECT CAST(substr(pair, 1, instr(pair, ':') - 1) AS INTEGER) AS need_id,
                        CAST(substr(pair, instr(pair, ':') + 1) AS INTEGER) AS offer_id, value
                   FROM s)
      INSERT OR IGNORE INTO share_consents (need_id, offer_id, side, given_at)
      SELECT need_id, offer_id, side.name, CAST(strftime('%s', 'now') AS INTEGER) * 1000
        FROM p JOIN (SELECT 'NEED' AS name UNION ALL SELECT 'OFFER') AS side
       WHERE (p.value = 'done' OR instr(p.value, side.name) > 0)
         AND need_id IN (SELECT id FROM listings) AND offer_id IN (SELECT id FROM listings);

      INSERT OR IGNORE INTO relay_counts (address_channel, address_id, hour, relays)
      SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1),
             CAST(substr(value, 1, instr(value, ':') - 1) AS INTEGER),
             CAST(substr(value, instr(value, ':') + 1) AS INTEGER)
        FROM (SELECT substr(key, 12) AS q, value FROM state
               WHERE key LIKE 'relay-rate:%' AND instr(value, ':') > 0);

      WITH d0 AS (SELECT substr(key, 11) AS q, value AS r FROM state
                   WHERE key LIKE 'broadcast:%' AND value <> ''),
           d1 AS (SELECT q, substr(r, 1, instr(r, '|') - 1) AS expires,
                         substr(r, instr(r, '|') + 1) AS r FROM d0),
           d2 AS (SELECT q, expires, substr(r, 1, instr(r, '|') - 1) AS lat,
                         substr(r, instr(r, '|') + 1) AS r FROM d1),
           d3 AS (SELECT q, expires, lat, substr(r, 1, instr(r, '|') - 1) AS lon,
                         substr(r, instr(r, '|') + 1) AS r FROM d2),
           d4 AS (SELECT q, expires, lat, lon, substr(r, 1, instr(r, '|') - 1) AS category,
                         substr(r, instr(r, '|') + 1) AS r FROM d3),
           d5 AS (SELECT q, expires, lat, lon, category, substr(r, 1, instr(r, '|') - 1) AS name,
                         substr(r, instr(r, '|') + 1) AS text FROM d4)
      INSERT OR IGNORE INTO broadcast_drafts
             (address_channel, address_id, area_name, area_lat, area_lon, category, text,
              expires_at)
      SELECT substr(q, 1, instr(q, ':') - 1), substr(q, instr(q, ':') + 1),
             CASE WHEN lat = 'all' THEN NULL ELSE name END,
             CASE WHEN lat = 'all' THEN NULL ELSE CAST(lat AS REAL) END,
             CASE WHEN lat = 'all' THEN NULL ELSE CAST(lon AS REAL) END,
             NULLIF(category, ''), text, CAST(expires AS INTEGER)
        FROM d5;

      DELETE FROM state
       WHERE key LIKE 'banned:%' OR key LIKE 'question:%' OR key LIKE 'forget:%'
          OR key LIKE 'share:match:%' OR key LIKE 'relay-rate:%' OR key LIKE 'broadcast:%';
      """;

  /**
   * One random secret per purpose, made on first use (see {@link Store#installationKey}). {@code IF
   * NOT EXISTS}: other steps may create the same table for their own purposes.
   */
  private static final String V7_INSTALLATION_KEYS =
      """
      CREATE TABLE IF NOT EXISTS installation_keys (
        purpose TEXT PRIMARY KEY,
        key     BLOB NOT NULL
      );
      """;

  /**
   * What the channel knew about the sender (see {@code Proof}), instead of a yes or no. Messages
   * stored before keep what they had: email that was vouched for counts as the weakest proof.
   */
  private static final String V8_SENDER_PROOF =
      """
      ALTER TABLE inbox ADD COLUMN sender_proof TEXT NOT NULL DEFAULT 'none';

      UPDATE inbox SET sender_proof = CASE
          WHEN sender_authenticated = 0 THEN 'none'
          WHEN channel = 'email' THEN 'secret'
          ELSE 'platform' END;
      """;

  /**
   * Link codes, each sent to one identity and typed back on another (the codes kept as strings in
   * {@code state} before are emptied: they named who asked); and whether an identity link was
   * proven on both sides (links made before were not, and carry no coordinator rights).
   */
  private static final String V9_LINK_CODES =
      """
      CREATE TABLE link_codes (
        code              TEXT    PRIMARY KEY,
        requester_channel TEXT    NOT NULL,
        requester_id      TEXT    NOT NULL,
        target_channel    TEXT,
        target_id         TEXT,
        expires_at        INTEGER NOT NULL
      ) WITHOUT ROWID;

      ALTER TABLE identity_links ADD COLUMN proven INTEGER NOT NULL DEFAULT 0;

      UPDATE state SET value = '' WHERE key LIKE 'link-code:%';
      """;

  /**
   * Commands that came by mail without proof, waiting for the answer to the bot's confirmation
   * mail: the message as it came, so it runs as if it had been proven.
   */
  private static final String V10_PENDING_CONFIRMATIONS =
      """
      CREATE TABLE pending_confirmations (
        id                 INTEGER PRIMARY KEY,
        sender_channel     TEXT    NOT NULL,
        sender_id          TEXT    NOT NULL,
        channel_message_id TEXT    NOT NULL,
        text               TEXT    NOT NULL,
        subject            TEXT,
        language_hint      TEXT,
        reply_to           TEXT,
        received_at        INTEGER NOT NULL,
        expires_at         INTEGER NOT NULL
      );

      CREATE INDEX pending_confirmations_sender
          ON pending_confirmations (sender_channel, sender_id);
      """;

  /**
   * Inbound messages whose handling failed are tried again later ({@code attempts}, {@code
   * retry_at}); one given up on is kept with {@code processed = 2} for an operator. {@code
   * raw_inbound} keeps what a channel received before it is translated (a Signal notification, a
   * Telegram update), so it is stored the moment it is read and nothing waits in memory.
   */
  private static final String V11_INBOUND_RETRIES =
      """
      ALTER TABLE inbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE inbox ADD COLUMN retry_at INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE raw_inbound (
        id          INTEGER PRIMARY KEY,
        channel     TEXT    NOT NULL,
        payload     TEXT    NOT NULL,
        received_at INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        retry_at    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT
      );
      CREATE INDEX raw_inbound_due ON raw_inbound (channel, retry_at, id);
      """;

  /**
   * An entry is claimed (status SENDING, with a lease) before it is sent, so one whose send was
   * interrupted by a crash is found and sent again once, counted in {@code resends}. {@code
   * attempts} now counts real failures only (deferrals for pacing never did count as failures), so
   * the old counts, which mixed both, start over. Entries failing too often become DEAD_LETTER.
   */
  private static final String V12_OUTBOX_LEASES =
      """
      ALTER TABLE outbox ADD COLUMN lease_until INTEGER;
      ALTER TABLE outbox ADD COLUMN resends INTEGER NOT NULL DEFAULT 0;
      UPDATE outbox SET attempts = 0 WHERE status = 'PENDING';
      DROP INDEX outbox_pending;
      DROP INDEX outbox_pending_recipient;
      CREATE INDEX outbox_open ON outbox (channel, id) WHERE status IN ('PENDING', 'SENDING');
      CREATE INDEX outbox_open_recipient ON outbox (channel, recipient_id, id)
        WHERE status IN ('PENDING', 'SENDING');
      CREATE INDEX outbox_dead_letters ON outbox (id) WHERE status = 'DEAD_LETTER';
      """;

  /**
   * The coordinators' web dashboard: one-time sign-in links and the sessions they start. Only a
   * SHA-256 hash of each token is kept, so a copy of the database opens no session.
   */
  private static final String V13_DASHBOARD_SIGN_IN =
      """
      CREATE TABLE dashboard_links (
        token_hash     TEXT    PRIMARY KEY,
        person_channel TEXT    NOT NULL,
        person_id      TEXT    NOT NULL,
        expires_at     INTEGER NOT NULL,
        used_at        INTEGER
      ) WITHOUT ROWID;

      CREATE TABLE dashboard_sessions (
        session_hash   TEXT    PRIMARY KEY,
        person_channel TEXT    NOT NULL,
        person_id      TEXT    NOT NULL,
        csrf_token     TEXT    NOT NULL,
        expires_at     INTEGER NOT NULL
      ) WITHOUT ROWID;
      """;

  /**
   * The question "is this something you need?" keeps the words it asks about, so that a yes makes
   * the listing from them. They go with the question (and with the person, when forgotten).
   */
  private static final String V14_PENDING_QUESTION_TEXT =
      """
      ALTER TABLE pending_questions ADD COLUMN text TEXT;
      """;

  /** Step n of the list takes the schema to version n. Append only. */
  static final List<String> STEPS =
      List.of(
          V1_INITIAL,
          V2_GEO_CELLS,
          V3_IDENTITY_LINKS,
          V4_SENDER_AUTHENTICATED,
          V5_LIFECYCLE,
          V6_TYPED_PERSON_STATE,
          V7_INSTALLATION_KEYS,
          V8_SENDER_PROOF,
          V9_LINK_CODES,
          V10_PENDING_CONFIRMATIONS,
          V11_INBOUND_RETRIES,
          V12_OUTBOX_LEASES,
          V13_DASHBOARD_SIGN_IN,
          V14_PENDING_QUESTION_TEXT);

  private LegacyMigrations() {}

  /**
   * Makes the database as the AidBridge of {@code version} steps left it: the steps run one by one,
   * each in a transaction, and {@code PRAGMA user_version} says how many ran.
   */
  static void build(SqliteDatabase db, int version) {
    int current = db.one("PRAGMA user_version", row -> row.getInt(1)).orElse(0);
    for (int next = current + 1; next <= version; next++) {
      int target = next;
      db.inTransaction(
          () -> {
            for (String statement : statements(STEPS.get(target - 1))) {
              db.execute(statement);
            }
            db.execute("PRAGMA user_version = " + target);
            return null;
          });
    }
  }

  /** A file made by the AidBridge of {@code version} steps, closed. */
  static void buildFile(String file, int version) {
    try (SqliteDatabase db = new SqliteDatabase(SqliteConnector.connect(file), null)) {
      build(db, version);
    }
  }

  /** The last version the old steps made (14); every later step is a Flyway script only. */
  static int latest() {
    return STEPS.size();
  }

  /** The statements of one step, split at the semicolons that end lines. */
  static List<String> statements(String step) {
    return Arrays.stream(step.split(";\\s*(\\n|$)"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
