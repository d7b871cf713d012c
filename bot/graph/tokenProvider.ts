import {
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';

/** An app-only access token for Microsoft Graph, fresh enough to send now. */
export interface TokenProvider {
  getToken(): Promise<string>;
}

/** Everything the app asks Graph for, under the permissions its Entra app was granted. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export type GraphCredentials =
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  /** Without clientId the system-assigned identity; with it a user-assigned one. */
  | { kind: 'managed-identity'; clientId?: string };

export class GraphTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GraphTokenError';
  }
}

/**
 * Tokens from @azure/identity. The credential keeps the token and renews it shortly before it
 * expires, so asking for every request costs nothing while the token is good.
 */
export class AzureIdentityTokenProvider implements TokenProvider {
  constructor(private readonly credential: TokenCredential) {}

  static from(credentials: GraphCredentials): AzureIdentityTokenProvider {
    return new AzureIdentityTokenProvider(
      credentials.kind === 'client-secret'
        ? new ClientSecretCredential(
            credentials.tenantId,
            credentials.clientId,
            credentials.clientSecret,
          )
        : new ManagedIdentityCredential(
            credentials.clientId ? { clientId: credentials.clientId } : {},
          ),
    );
  }

  async getToken(): Promise<string> {
    const token = await this.credential.getToken(GRAPH_SCOPE).catch((error: unknown) => {
      throw new GraphTokenError('Could not get a Microsoft Graph token from Entra ID', {
        cause: error,
      });
    });
    if (!token) throw new GraphTokenError('Entra ID returned no token for Microsoft Graph');
    return token.token;
  }
}
