package org.aidbridge.bot.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.aidbridge.bot.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * The order a list keeps is what lets a search stop early: offers newest first, needs urgent first
 * and then those that waited longest, the id deciding last. A list filled by {@code add} (one at a
 * time, as listings come) and one {@code append}ed and sorted at once (a start) must agree.
 */
class RankedEntriesTest {
  @Test
  void offersNewestFirstThenById() {
    List<MatchProfile> offers =
        List.of(
            profile(4, Kind.OFFER, false, 1_000),
            profile(2, Kind.OFFER, true, 3_000),
            profile(3, Kind.OFFER, false, 3_000),
            profile(1, Kind.OFFER, false, 2_000));

    assertThat(idsAdded(offers)).containsExactly(2L, 3L, 1L, 4L);
    assertThat(idsSorted(offers)).containsExactly(2L, 3L, 1L, 4L);
  }

  @Test
  void needsUrgentFirstThenLongestWaitingThenById() {
    List<MatchProfile> needs =
        List.of(
            profile(5, Kind.NEED, false, 1_000),
            profile(6, Kind.NEED, true, 5_000),
            profile(7, Kind.NEED, true, 2_000),
            profile(8, Kind.NEED, false, 1_000),
            profile(9, Kind.NEED, false, 500));

    assertThat(idsAdded(needs)).containsExactly(7L, 6L, 9L, 5L, 8L);
    assertThat(idsSorted(needs)).containsExactly(7L, 6L, 9L, 5L, 8L);
  }

  @Test
  void removesTheEntryAddedAndKeepsTheRestInOrder() {
    RankedEntries list = new RankedEntries();
    MatchProfile second = profile(2, Kind.NEED, false, 2_000);
    list.add(profile(1, Kind.NEED, false, 1_000));
    list.add(second);
    list.add(profile(3, Kind.NEED, true, 3_000));

    list.remove(second);

    assertThat(ids(list)).containsExactly(3L, 1L);
  }

  private static List<Long> idsAdded(List<MatchProfile> profiles) {
    RankedEntries list = new RankedEntries();
    profiles.forEach(list::add);
    return ids(list);
  }

  private static List<Long> idsSorted(List<MatchProfile> profiles) {
    RankedEntries list = new RankedEntries();
    List<RankedEntries> unsorted = new ArrayList<>();
    profiles.forEach(p -> list.append(p, unsorted));
    assertThat(unsorted).containsExactly(list);
    list.sort();
    return ids(list);
  }

  private static List<Long> ids(RankedEntries list) {
    return IntStream.range(0, list.size()).mapToObj(i -> list.get(i).id).toList();
  }

  private static MatchProfile profile(long id, Kind kind, boolean urgent, long createdAt) {
    return new MatchProfile(
        id,
        kind,
        0,
        new String[0],
        Double.NaN,
        Double.NaN,
        false,
        urgent,
        createdAt,
        createdAt + 86_400_000L,
        "someone",
        new int[0]);
  }
}
