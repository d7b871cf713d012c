import { UnsecuredJWT } from 'jose';
import { GraphRequests, type GraphRequestsOptions } from '../../bot/graph/graphRequests';
import type { ResilienceTimers } from '../../bot/graph/resilience';
import type { TokenProvider } from '../../bot/graph/tokenProvider';
import type { FakeGraph } from '../fakes/fakeGraph';

/**
 * Time for the resilience layer that passes only when it sleeps: a wait of 30 s takes no
 * time in the test and is recorded, so a test states exactly how long the app waited.
 */
export class VirtualTimers implements ResilienceTimers {
  /** A whole second, so an HTTP-date Retry-After (second precision) is exact. */
  clock = Date.parse('2026-03-02T08:00:00Z');
  readonly sleeps: number[] = [];

  constructor(private readonly jitter = 0.5) {}

  now(): number {
    return this.clock;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.clock += ms;
  }

  random(): number {
    return this.jitter;
  }

  advance(ms: number): void {
    this.clock += ms;
  }
}

export const testTokens: TokenProvider = { getToken: async () => 'token-from-entra' };

/**
 * An app-only token as Entra issues it, with the consented application permissions in
 * `roles`: what the app reads at start to tell which Graph features it may use.
 */
export function appTokens(...roles: readonly string[]): TokenProvider {
  const token = new UnsecuredJWT({ roles: [...roles], idtyp: 'app' })
    .setAudience('https://graph.microsoft.com')
    .setIssuedAt()
    .setExpirationTime('1h')
    .encode();
  return { getToken: async () => token };
}

export function graphRequestsFor(
  graph: FakeGraph,
  timers: ResilienceTimers,
  options: Partial<GraphRequestsOptions> = {},
): GraphRequests {
  return new GraphRequests({ tokens: testTokens, baseUrl: graph.url, timers, ...options });
}
