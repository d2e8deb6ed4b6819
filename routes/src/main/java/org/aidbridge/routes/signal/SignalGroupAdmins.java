package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who administers which Signal group, from the daemon's {@code listGroups}. Asked only for group
 * messages addressed to the bot (group commands need it), and kept for a short while so a burst of
 * commands costs one request.
 *
 * <p>signal-cli 0.13 lists admins as {@code admins: [{number, uuid}]}; a member object carrying
 * {@code isAdmin: true} is read as an admin too.
 */
final class SignalGroupAdmins {
  private static final Logger LOG = LoggerFactory.getLogger(SignalGroupAdmins.class);

  private final Supplier<JsonNode> listGroups;
  private final Clock clock;
  private final Duration keepFor;
  private final Map<String, Set<String>> adminsByGroup = new ConcurrentHashMap<>();
  private volatile Instant fetchedAt = Instant.MIN;

  /**
   * @param listGroups asks the daemon for the groups (the {@code listGroups} result array)
   */
  SignalGroupAdmins(Supplier<JsonNode> listGroups, Clock clock, Duration keepFor) {
    this.listGroups = listGroups;
    this.clock = clock;
    this.keepFor = keepFor;
  }

  /**
   * Whether the person (by uuid or number) administers the group; false when the daemon does not
   * know the group. When the daemon cannot be asked, an answer it gave earlier serves.
   *
   * @throws SignalRpcException when the daemon cannot be asked and gave no answer about the group
   *     before: the message waits and is handled later, rather than an admin being told no
   */
  boolean isAdmin(String groupId, String personId) {
    if (fetchedAt.plus(keepFor).isBefore(clock.instant()) || !adminsByGroup.containsKey(groupId)) {
      refresh(groupId);
    }
    return adminsByGroup.getOrDefault(groupId, Set.of()).contains(personId);
  }

  private synchronized void refresh(String groupId) {
    try {
      JsonNode groups = listGroups.get();
      Map<String, Set<String>> fresh = new ConcurrentHashMap<>();
      for (JsonNode group : groups) {
        fresh.put(group.path("id").asText(), adminsOf(group));
      }
      adminsByGroup.clear();
      adminsByGroup.putAll(fresh);
      fetchedAt = clock.instant();
    } catch (SignalRpcException e) {
      LOG.warn(
          "could not ask signal-cli for the group admins: {}",
          SignalSendResults.redact(e.getMessage()));
      if (!adminsByGroup.containsKey(groupId)) {
        throw e;
      }
    }
  }

  private static Set<String> adminsOf(JsonNode group) {
    Set<String> ids = new HashSet<>();
    group.path("admins").forEach(admin -> addIds(admin, ids));
    for (JsonNode member : group.path("members")) {
      if (member.path("isAdmin").asBoolean(false)) {
        addIds(member, ids);
      }
    }
    return ids;
  }

  private static void addIds(JsonNode person, Set<String> ids) {
    if (person.isTextual()) {
      ids.add(person.asText()); // older signal-cli: plain numbers
      return;
    }
    for (String field : new String[] {"uuid", "number"}) {
      if (person.hasNonNull(field)) {
        ids.add(person.get(field).asText());
      }
    }
  }
}
