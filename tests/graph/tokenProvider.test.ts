import type { AccessToken, TokenCredential } from '@azure/identity';
import {
  AzureIdentityTokenProvider,
  GRAPH_SCOPE,
  GraphTokenError,
} from '../../bot/graph/tokenProvider';
import { FakeGraph } from '../fakes/fakeGraph';
import { graphRequestsFor, VirtualTimers } from './graphSupport';

function credential(answer: () => Promise<AccessToken | null>): TokenCredential & {
  scopes: (string | string[])[];
} {
  const scopes: (string | string[])[] = [];
  return {
    scopes,
    getToken: (scope) => {
      scopes.push(scope);
      return answer();
    },
  };
}

describe('the Graph token from @azure/identity', () => {
  it('when Entra issues a token, then it is asked for with the Graph .default scope and handed on', async () => {
    const entra = credential(async () => ({
      token: 'eyJ0',
      expiresOnTimestamp: Date.now() + 3600_000,
    }));

    await expect(new AzureIdentityTokenProvider(entra).getToken()).resolves.toBe('eyJ0');
    expect(entra.scopes).toEqual([GRAPH_SCOPE]);
  });

  it.each([
    ['returns no token', () => Promise.resolve(null)],
    ['fails (wrong secret, no managed identity)', () => Promise.reject(new Error('AADSTS7000215'))],
  ])('when the credential %s, then a GraphTokenError says so', async (_case, answer) => {
    await expect(
      new AzureIdentityTokenProvider(credential(answer)).getToken(),
    ).rejects.toBeInstanceOf(GraphTokenError);
  });

  it('when the token cannot be had, then a Graph call fails with that GraphTokenError, not a wrapped one, and nothing is sent', async () => {
    const graph = await FakeGraph.start();
    try {
      const tokens = new AzureIdentityTokenProvider(
        credential(() => Promise.reject(new Error('AADSTS7000215'))),
      );
      const requests = graphRequestsFor(graph, new VirtualTimers(), { tokens });

      await expect(requests.get('/users/u1')).rejects.toBeInstanceOf(GraphTokenError);
      expect(graph.outerCount).toBe(0);
    } finally {
      await graph.stop();
    }
  });
});
