package org.aidbridge.routes.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The JSON-RPC methods {@link FakeSignalDaemon} knows, answered as signal-cli 0.13.19 in
 * multi-account mode does: an unknown {@code account} is refused for every method (even {@code
 * version}), account methods without one are refused unless exactly one account exists, and an
 * unknown method is "not implemented".
 */
final class FakeSignalMethods {
  final FakeSignalSends sends = new FakeSignalSends();
  private final Set<String> accounts = new LinkedHashSet<>();
  private final JsonNode groups = SignalFixtures.json("list-groups.json").get("result");

  synchronized void addAccount(String number) {
    accounts.add(number);
  }

  /**
   * The answer (a {@code result} or {@code error} object) to one request.
   *
   * @param subscribe what {@code subscribeReceive} does on the connection it came on
   */
  JsonNode answer(String method, JsonNode params, Supplier<JsonNode> subscribe) {
    String account = params.path("account").asText(null);
    if (account != null && !hasAccount(account)) {
      return SignalFixtures.json("error-unknown-account.json");
    }
    switch (method) {
      case "version":
        return SignalFixtures.json("answer-version.json");
      case "listAccounts":
        return listAccounts();
      case "subscribeReceive":
        return subscribe.get();
      case "listGroups":
        return needsAccount(account) ? accountRequired() : result(groups);
      case "send":
        return needsAccount(account) ? accountRequired() : sends.answer((ObjectNode) params);
      default:
        return SignalFixtures.json("error-method-not-implemented.json");
    }
  }

  private synchronized boolean hasAccount(String account) {
    return accounts.contains(account);
  }

  private synchronized boolean needsAccount(String account) {
    return account == null && accounts.size() != 1;
  }

  private static JsonNode accountRequired() {
    return SignalFixtures.json("error-account-required.json");
  }

  private synchronized JsonNode listAccounts() {
    ArrayNode list = SignalFixtures.JSON.createArrayNode();
    accounts.forEach(a -> list.addObject().put("number", a));
    return result(list);
  }

  static JsonNode result(JsonNode value) {
    ObjectNode answer = SignalFixtures.JSON.createObjectNode();
    answer.set("result", value);
    return answer;
  }
}
