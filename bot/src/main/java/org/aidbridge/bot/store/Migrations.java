package org.aidbridge.bot.store;

import java.util.Arrays;
import java.util.List;

/**
 * The schema, as the steps that build it. Step {@code n} (1-based) takes a database from {@code
 * PRAGMA user_version = n - 1} to {@code n}. Steps are only ever appended: a released step never
 * changes, so every database, old or new, ends up with the same schema.
 *
 * <p>Conventions: instants are epoch milliseconds (INTEGER); enums are stored by name, channels and
 * categories by their lower-case ids; an address is three columns {@code x_channel}, {@code x_id},
 * {@code x_is_group}, and channel plus id identify it (the group flag is kept, not compared).
 *
 * <p>A step's statements are split where a line ends with a semicolon, so a statement must not
 * (triggers would need another way).
 */
final class Migrations {

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
   * The coordinators' web dashboard: one-time sign-in links and the sessions they start. Only a
   * SHA-256 hash of each token is kept, so a copy of the database opens no session.
   */
  private static final String V6_DASHBOARD_SIGN_IN =
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

  /** Step n of the list takes the schema to version n. Append only. */
  static final List<String> STEPS =
      List.of(
          V1_INITIAL,
          V2_GEO_CELLS,
          V3_IDENTITY_LINKS,
          V4_SENDER_AUTHENTICATED,
          V5_LIFECYCLE,
          V6_DASHBOARD_SIGN_IN);

  private Migrations() {}

  /** The schema version this code writes and reads. */
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
