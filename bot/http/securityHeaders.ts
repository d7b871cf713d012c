import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The hosts Microsoft documents as the ones that frame a Teams tab ("Prerequisites" of
 * learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements): Teams, the
 * Microsoft 365 app, Outlook, and `*.cloud.microsoft`, where all of them are moving. Nothing
 * else may frame the tab, so no other site can overlay it (clickjacking).
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/**
 * Where teams-js (2.x) fetches Microsoft's current list of valid Teams host origins; blocked, it
 * falls back to the list it was built with, and a host Microsoft added since would be refused.
 */
const TEAMS_JS_VALID_ORIGINS = 'https://res.cdn.office.net/teams-js/validDomains/';

/**
 * Security headers on every answer, by helmet. The Content-Security-Policy is what the built
 * tab needs and no more (dist/tab/*.html load only same-origin module scripts and styles, and
 * the tab calls only its own /api/v1, besides teams-js's list of hosts above):
 *
 * - `style-src 'unsafe-inline'`: Fluent UI v9 (Griffel) writes its styles at run time into
 *   `<style>` elements it creates, without a nonce; with `style-src 'self'` alone Chromium
 *   applies none of them and the tab renders unstyled (checked: 0 CSS rules, Times New Roman).
 *   Scripts stay `'self'` only: no inline script, no eval.
 * - `frame-ancestors`: Teams and Office hosts (above). X-Frame-Options is off, because it can
 *   name no host but our own and would stop Teams framing the tab; every browser Teams supports
 *   honours frame-ancestors instead.
 * - No `upgrade-insecure-requests`: local development serves the tab over http://localhost.
 *   Production is https (config.ts insists) and Strict-Transport-Security keeps it so.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", TEAMS_JS_VALID_ORIGINS],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'", ...TEAMS_FRAME_ANCESTORS],
      },
    },
    frameguard: false,
  });
}
