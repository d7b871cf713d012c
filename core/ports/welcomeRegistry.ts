/**
 * Remembers which scopes were already welcomed, so the welcome card goes out once per user in
 * personal scope and once per team however often Teams repeats its install events.
 */
export interface WelcomeRegistry {
  /**
   * Claims the welcome for a scope: true for exactly one caller, the first, even when several
   * instances handle the same event at once; false ever after.
   */
  markWelcomed(scopeKey: string): Promise<boolean>;
  /** Gives a claim back when the welcome could not be sent, so the next event tries again. */
  forgetWelcome(scopeKey: string): Promise<void>;
}
