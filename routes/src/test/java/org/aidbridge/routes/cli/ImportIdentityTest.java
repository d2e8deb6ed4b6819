package org.aidbridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidbridge.bot.model.Address;
import org.aidbridge.bot.model.Channel;
import org.junit.jupiter.api.Test;

class ImportIdentityTest {

  @Test
  void emailContactIsThatPersonsEmailIdentity() {
    assertThat(ImportIdentity.of("Ana@Example.org", "id:1"))
        .isEqualTo(Address.person(Channel.EMAIL, "ana@example.org"));
    assertThat(ImportIdentity.of("Ana Pérez <ana@example.org>", "id:1"))
        .isEqualTo(Address.person(Channel.EMAIL, "ana@example.org"));
  }

  @Test
  void qualifiedContactIsThatChannelsIdentity() {
    Address telegram = ImportIdentity.of("telegram:123456", "id:1");

    assertThat(telegram).isEqualTo(Address.person(Channel.TELEGRAM, "123456"));
    assertThat(ImportIdentity.synthetic(telegram)).isFalse();
    assertThat(ImportIdentity.contactOf(telegram)).isEqualTo("telegram:123456");
  }

  @Test
  void otherContactIsKeptButSyntheticSoNothingIsSentToIt() {
    Address phone = ImportIdentity.of("+1 555 0100", "id:1");

    assertThat(ImportIdentity.synthetic(phone)).isTrue();
    assertThat(ImportIdentity.contactOf(phone)).isEqualTo("+1 555 0100");
    assertThat(ImportIdentity.of("+1 555 0100", "id:2")).isEqualTo(phone);
  }

  @Test
  void rowsWithoutContactAreDifferentPeopleSoTheyCanMatchEachOther() {
    Address first = ImportIdentity.of(null, "id:1");
    Address second = ImportIdentity.of(" ", "id:2");

    assertThat(first).isNotEqualTo(second);
    assertThat(ImportIdentity.synthetic(first)).isTrue();
    assertThat(ImportIdentity.contactOf(first)).isEmpty();
  }
}
