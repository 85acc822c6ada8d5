import helmet from '@fastify/helmet';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CrossSiteRequest, NulCharacter, UnsupportedMediaType } from '../errors.ts';

export interface SecurityOptions {
  /** Where browsers reach Assay (`config.publicUrl`): the one origin whose pages may change state. */
  publicUrl: string;
}

/** Methods that never change state: they pass without an Origin check. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a request looks cross-site, or undefined when it does not ([A32]). Browsers mark every request
 * with `Sec-Fetch-Site` (which pages cannot forge) and every state-changing one with `Origin`; a
 * client that sends neither is not a browser, so not the victim of a forged request. An Origin is
 * accepted when it is `PUBLIC_URL`'s, or the very host the request was sent to (a server reached on
 * another name than PUBLIC_URL, such as 127.0.0.1 in tests or a development proxy).
 */
export function crossSiteReason(request: FastifyRequest, publicOrigin: string): string | undefined {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.origin;
  if (origin === undefined || origin === publicOrigin || site === 'same-origin') return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    // `Origin: null` (sandboxed frames, file: pages) and garbage are never our own pages.
  }
  return host !== undefined && host === request.headers.host ? undefined : `Origin: ${origin}`;
}

/** URLs whose path carries an invitation token: the landing page and its API, and a pad's candidate link ([A113]). */
const TOKEN_IN_PATH = /^(\/a\/|\/api\/invitations\/|\/pad\/join\/|\/api\/pads\/join\/)[^/?#]+/;

/** A URL fit for the log: an invitation token is as good as a password ([A39]). */
export function redactTokens(url: string): string {
  return url.replace(TOKEN_IN_PATH, '$1[token]');
}

/**
 * Where, in a parsed JSON body, the first string or key holding a NUL character is (`code`,
 * `events.0.detail.x`), or undefined. Iterative: a deeply nested body must not overflow the stack.
 */
export function nulPath(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop() as [unknown, string];
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return path || 'the top level';
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return at;
        stack.push([child, at]);
      }
    }
  }
  return undefined;
}

/**
 * The API's browser-facing defences, in one plugin registered before sessions are read:
 * - [A32] state-changing requests and WebSocket upgrades from another site are refused (403), and
 *   [A33] a body must be JSON (415 otherwise), so an HTML form or a `text/plain` fetch cannot post;
 * - [A38] a NUL character anywhere in a JSON body is a 400 (PostgreSQL text and jsonb cannot hold it);
 * - [A34] security headers: a Content-Security-Policy the app, Monaco and /docs work under,
 *   frame-ancestors 'none', nosniff, no referrer (invitation links carry their token), and HSTS when
 *   PUBLIC_URL is https.
 */
export const securityPlugin = fp<SecurityOptions>(
  async (app, { publicUrl }) => {
    const publicOrigin = new URL(publicUrl).origin;
    const https = publicOrigin.startsWith('https:');

    const wsOrigin = publicOrigin.replace(/^http/, 'ws');
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Monaco sets inline styles and injects <style> elements for its themes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          workerSrc: ["'self'", 'blob:'],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", wsOrigin],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    });

    app.addHook('onRequest', async (request) => {
      const upgrade = request.headers.upgrade?.toLowerCase() === 'websocket';
      if (SAFE_METHODS.has(request.method) && !upgrade) return;
      const reason = crossSiteReason(request, publicOrigin);
      if (reason) throw new CrossSiteRequest(reason, publicOrigin);
    });

    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      parseJson(request, body as string, (error, value) => {
        if (error) return done(error);
        // Only a body that spells a NUL (\u0000) can hold one; JSON forbids it raw.
        const at = (body as string).includes('\\u0000') ? nulPath(value) : undefined;
        if (at !== undefined) return done(new NulCharacter(at));
        done(null, value);
      });
    });
    app.addContentTypeParser('*', (request, _payload, done) => {
      const type = request.headers['content-type'];
      done(new UnsupportedMediaType(type ? `sent as ${type}` : 'sent without a Content-Type'));
    });
  },
  { name: 'security' },
);
