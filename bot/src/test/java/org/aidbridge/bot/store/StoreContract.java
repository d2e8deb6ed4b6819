package org.aidbridge.bot.store;

/**
 * The behaviour every {@link Store} must have. A store's test implements this interface and gives
 * each test a fresh, empty store; the tests themselves are in the interfaces it extends.
 */
public interface StoreContract
    extends InboxContract,
        ListingContract,
        MatchContract,
        OutboxContract,
        GroupContract,
        LinkContract,
        TransactionContract,
        LifecycleContract,
        PersonStateContract,
        ProofContract {

  /** A fresh, empty store for the current test. */
  @Override
  Store store();
}
