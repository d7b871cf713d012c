import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  exportSPKI,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from 'jose';

/**
 * A stand-in for Microsoft Entra ID as the tab's API meets it: the tenant's signing keys as a
 * JSON Web Key Set over HTTP on loopback (at Entra's own path,
 * /{tenant}/discovery/v2.0/keys), and access tokens signed with them the way Entra issues
 * them to a Teams tab (RS256, a `kid` naming the key, v1.0 or v2.0 claims). It can also sign
 * with a key it does not publish, roll its keys over, and stop answering.
 */

/** Teams' web client, the app that asks Entra for the tab's token (Microsoft's public id). */
export const TEAMS_WEB_CLIENT_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

export type TokenVersion = '1.0' | '2.0';

export interface TokenRequest {
  /** The person's Entra object id. */
  oid: string;
  /** v1.0 (the default for an app registration): sts.windows.net issuer, App ID URI audience. */
  version?: TokenVersion;
  /** Seconds from now; negative for the past. */
  expiresIn?: number;
  notBeforeIn?: number;
  /** Claims to set (or, as undefined, to leave out) after the defaults. */
  claims?: Record<string, unknown>;
  /**
   * The key that signs: a published one (the default), or the stray key Entra never published
   * (with the published key's kid, or with its own kid).
   */
  signWith?: 'published' | 'stray-with-published-kid' | 'stray';
}

/**
 * How the keys endpoint behaves: answering; failing with 500; dropping the connection without
 * an answer (down, as a network failure looks); or never answering.
 */
export type KeysAvailability = 'up' | 'error' | 'down' | 'hang';

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicJwk: JWK;
  publicPem: string;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' },
    publicPem: await exportSPKI(publicKey),
  };
}

export class FakeEntra {
  /** How many times the key set was asked for. */
  keyRequests = 0;
  private availability: KeysAvailability = 'up';
  private published: SigningKey[];
  private readonly hanging = new Set<() => void>();

  private constructor(
    readonly tenantId: string,
    /** The tab's Entra app: its client id and Application ID URI. */
    readonly app: { clientId: string; applicationIdUri: string },
    private readonly server: Server,
    private readonly stray: SigningKey,
    first: SigningKey,
  ) {
    this.published = [first];
  }

  static async start(options: {
    tenantId: string;
    clientId: string;
    applicationIdUri: string;
  }): Promise<FakeEntra> {
    const [first, stray] = await Promise.all([newSigningKey(), newSigningKey()]);
    const server = createServer();
    const entra = new FakeEntra(
      options.tenantId,
      { clientId: options.clientId, applicationIdUri: options.applicationIdUri },
      server,
      stray,
      first,
    );
    server.on('request', (req, res) => {
      if (req.method !== 'GET' || req.url !== entra.keysPath) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
        return;
      }
      entra.keyRequests += 1;
      if (entra.availability === 'hang') {
        const release = () => res.destroy();
        entra.hanging.add(release);
        res.on('close', () => entra.hanging.delete(release));
        return;
      }
      if (entra.availability === 'down') {
        req.socket.destroy();
        return;
      }
      if (entra.availability === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
        return;
      }
      const body = JSON.stringify({ keys: entra.published.map((key) => key.publicJwk) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return entra;
  }

  private get keysPath(): string {
    return `/${this.tenantId}/discovery/v2.0/keys`;
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.keysPath}`;
  }

  /** The issuer Entra writes into a token of each version. */
  issuer(version: TokenVersion, tenantId = this.tenantId): string {
    return version === '1.0'
      ? `https://sts.windows.net/${tenantId}/`
      : `https://login.microsoftonline.com/${tenantId}/v2.0`;
  }

  /** The claims of a token Entra issues to Teams for the tab, as a v1.0 or v2.0 token. */
  claimsFor(request: TokenRequest): JWTPayload {
    const version = request.version ?? '1.0';
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      aud: version === '1.0' ? this.app.applicationIdUri : this.app.clientId,
      iss: this.issuer(version),
      iat: now + (request.notBeforeIn ?? 0) - 5,
      nbf: now + (request.notBeforeIn ?? 0) - 5,
      exp: now + (request.expiresIn ?? 3600),
      ...(version === '1.0' ? { appid: TEAMS_WEB_CLIENT_ID } : { azp: TEAMS_WEB_CLIENT_ID }),
      name: 'Test Person',
      oid: request.oid,
      scp: 'access_as_user',
      sub: `sub-${request.oid}`,
      tid: this.tenantId,
      ver: version,
      ...request.claims,
    };
    // A claim set to undefined is left out, as JSON leaves it out.
    return Object.fromEntries(
      Object.entries(claims).filter(([, value]) => value !== undefined),
    ) as JWTPayload;
  }

  /** A token signed as `request.signWith` says (by Entra's current key unless told). */
  async token(request: TokenRequest): Promise<string> {
    const current = this.published[this.published.length - 1] as SigningKey;
    const [key, kid] =
      request.signWith === 'stray'
        ? [this.stray, this.stray.kid]
        : request.signWith === 'stray-with-published-kid'
          ? [this.stray, current.kid]
          : [current, current.kid];
    return new SignJWT(this.claimsFor(request))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .sign(key.privateKey);
  }

  /** Entra's current public key as PEM: what an HS256 key-confusion forgery would use. */
  get publicKeyPem(): string {
    return (this.published[this.published.length - 1] as SigningKey).publicPem;
  }

  /**
   * Entra's key rollover: a new key is published beside the old one and signs from now on.
   * A verifier that cached the old set meets a kid it has not seen.
   */
  async rollKeys(): Promise<void> {
    this.published = [...this.published, await newSigningKey()];
  }

  setAvailability(availability: KeysAvailability): void {
    this.availability = availability;
    if (availability !== 'hang') for (const release of [...this.hanging]) release();
  }

  close(): Promise<void> {
    for (const release of [...this.hanging]) release();
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }
}

/** A JWT with `alg: none` and no signature: what a forger sends when a verifier trusts alg. */
/** The tenant and tab app the sign-in tests use. */
export const TEST_TENANT_ID = '9b0a1e3c-2d4f-4e5a-8b6c-7d8e9f0a1b2c';
export const TEST_APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TEST_PUBLIC_HOST = 'kompetensdialog.example';

/** A fake Entra for the test tenant and app. */
export function startTestEntra(): Promise<FakeEntra> {
  return FakeEntra.start({
    tenantId: TEST_TENANT_ID,
    clientId: TEST_APP_ID,
    applicationIdUri: `api://${TEST_PUBLIC_HOST}/${TEST_APP_ID}`,
  });
}

/** The service's settings for Teams sign-in against `entra`, with no demo identities. */
export function signInEnvironment(entra: FakeEntra): Record<string, string> {
  return {
    DEMO_ORGANISATION: 'false',
    MICROSOFT_APP_ID: entra.app.clientId,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    MICROSOFT_APP_TENANT_ID: entra.tenantId,
    PUBLIC_URL: `https://${TEST_PUBLIC_HOST}`,
    ENTRA_JWKS_URL: entra.jwksUrl,
  };
}

export function unsignedToken(claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** A JWT signed with HS256 using `secret` (e.g. Entra's public key) as the HMAC key. */
export function hmacToken(claims: JWTPayload, secret: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

/** The token with its payload swapped for other claims, signature kept: a tampered token. */
export function withPayload(token: string, claims: JWTPayload): string {
  const [header, , signature] = token.split('.');
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}
