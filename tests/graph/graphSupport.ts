import { UnsecuredJWT } from 'jose';
import { GraphRequests, type GraphRequestsOptions } from '../../bot/graph/graphRequests';
import type { ResilienceTimers } from '../../bot/graph/resilience';
import type { TokenProvider } from '../../bot/graph/tokenProvider';
import { FakeGraph } from '../fakes/fakeGraph';
import { FakeSharePoint } from '../fakes/fakeSharePoint';

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

/**
 * A service's environment for reaching Graph at the stand-in: test credentials (the tokens
 * come from `appTokens` through ServiceOptions), plus the features the test turns on.
 */
export function graphServiceEnvironment(
  graph: FakeGraph,
  features: Record<string, string>,
): Record<string, string> {
  return {
    GRAPH_BASE_URL: graph.url,
    GRAPH_TENANT_ID: '6f1c7f5e-0000-4000-8000-00000000aaaa',
    GRAPH_CLIENT_ID: '6f1c7f5e-0000-4000-8000-00000000bbbb',
    GRAPH_CLIENT_SECRET: 'not-used-with-the-test-tokens',
    ...features,
  };
}

/** The region's site for the app, as GRAPH_SITE_ID names it. */
export const SITE_PATH = 'vgregion.sharepoint.com:/sites/kompetensdialog';

export interface SharePointRig {
  graph: FakeGraph;
  sharePoint: FakeSharePoint;
  /** The site's canonical id, for the stand-in's inspection helpers. */
  siteId: string;
}

/** The Graph stand-in with SharePoint mounted and the app's site on it, granted "write". */
export async function startSharePointRig(): Promise<SharePointRig> {
  const graph = await FakeGraph.start();
  const sharePoint = FakeSharePoint.mountOn(graph);
  const siteId = sharePoint.addSite({
    hostname: 'vgregion.sharepoint.com',
    path: SITE_PATH,
    displayName: 'Kompetensdialog',
  });
  return { graph, sharePoint, siteId };
}
