package org.aidbridge.bot.service;

import org.aidbridge.bot.command.CommandName;
import org.aidbridge.bot.model.Proof;

/**
 * The one rule for who must prove to be who they seem, and how. Channels only report what they know
 * ({@link Proof}); this decides, for each command and each kind of answer, whether that is enough.
 * What is not enough by mail is asked to be confirmed by answering (see {@link Confirmations});
 * Telegram and Signal always prove their sender.
 *
 * <p>docs/security.md has the same table, with the test for each row.
 */
public final class ProofPolicy {
  /** What a message must prove about its sender. */
  public enum Requirement {
    /** Anyone: posting a need or offer, help. What the bot answers goes to the address. */
    ANYONE,
    /** That the sender is the identity it names: it changes, reveals or speaks for a person. */
    PERSON,
    /** The person, or at least some coordinator (the coordinator secret). */
    COORDINATOR
  }

  /**
   * Answers to the bot's questions (renewal, forget, category or place), relayed answers to the
   * other side of a match: they change or speak for a person.
   */
  public static final Requirement ANSWER = Requirement.PERSON;

  private ProofPolicy() {}

  /** What a command requires. */
  public static Requirement of(CommandName command) {
    return switch (command) {
      case START, HELP, NEED, OFFER, LIST, STATUS -> Requirement.ANYONE;
      case DONE, WITHDRAW, REPLY, SHARE, LINK, UNLINK, FORGET -> Requirement.PERSON;
      case SUBSCRIBE,
          UNSUBSCRIBE,
          BROADCAST,
          CLOSE,
          HIDE,
          BAN,
          STATS,
          DIGEST,
          DEADLETTERS,
          RETRY,
          DASHBOARD ->
          Requirement.COORDINATOR;
    };
  }

  /** Whether what the channel knows is enough. */
  public static boolean allows(Proof proof, Requirement requirement) {
    return switch (requirement) {
      case ANYONE -> true;
      case PERSON -> proof.provesIdentity();
      case COORDINATOR -> proof.provesIdentity() || proof == Proof.COORDINATOR_SECRET;
    };
  }
}
