-- One person's identities on several channels, linked with a one-time code.
CREATE TABLE identity_links (
  address_channel TEXT    NOT NULL,
  address_id      TEXT    NOT NULL,
  person_id       INTEGER NOT NULL,
  PRIMARY KEY (address_channel, address_id)
);

CREATE INDEX identity_links_person ON identity_links (person_id);
