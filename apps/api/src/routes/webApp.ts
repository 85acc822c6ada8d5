import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RouteNotFound } from '../errors.ts';
import { invitationSummary } from '../services/openInvitation.ts';

export interface WebAppOptions {
  /** Absolute path of the built web app (`config.webDist`); without it the API renders its own pages. */
  dist: string | undefined;
}

/** Vite names everything under assets/ after a hash of its content, so a name never changes meaning. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The API's own URL spaces, never files of the web app. */
const API_PATH = /^\/(api|docs)(\/|$)/;
/** URLs that are never a page of the app: unknown ones stay 404s, so a typo in an API call or a stale asset fails loudly. */
const NOT_A_PAGE = /^\/(api|docs|assets)(\/|$)/;

/**
 * The browser app on the API's own address ([A18]): one URL serves the pages, the JSON API and the
 * live WebSocket, so cookies and WebSockets need no CORS. Wrapped with fastify-plugin because the
 * not-found handler it sets must be the root's.
 */
export const webApp = fp<WebAppOptions>(
  async (app, { dist }) => {
    app.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !NOT_A_PAGE.test(path);
      // Client-side routes (a reload, a shared link) get the app, which routes them itself.
      if (dist && wantsPage && request.headers.accept?.includes('text/html')) return sendIndex(reply);
      throw new RouteNotFound(request.method, path);
    });

    if (!dist) {
      await app.register(serverRenderedPages);
      return;
    }
    const index = join(dist, 'index.html');
    const assets = join(dist, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: dist,
      index: false,
      // The build writes .br and .gz beside each asset: Monaco's chunks and workers are megabytes raw.
      preCompressed: true,
      allowedPath: (path) => !API_PATH.test(path),
      setHeaders: (reply, path) => {
        // index.html names the current hashed files, so browsers must revalidate it (a 304 when unchanged).
        if (path === index) reply.header('cache-control', 'no-cache');
        else if (path.startsWith(assets)) reply.header('cache-control', IMMUTABLE);
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
    app.get('/a/:token', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  },
  { name: 'webApp' },
);

function sendIndex(reply: FastifyReply) {
  // The not-found handler may have set 404; this is the app's page, not an error.
  return reply.code(200).sendFile('index.html');
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Assay</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2328}h1{font-size:1.6rem}
.card{border:1px solid #d0d7de;border-radius:8px;padding:1.25rem 1.5rem}.muted{color:#59636e}code{background:#f6f8fa;padding:.1rem .3rem;border-radius:4px}</style>
</head><body>${body}</body></html>`;
}

const NOT_BUILT =
  '<p class="muted">The web app is not built on this server: run <code>pnpm --filter @assay/web build</code> (<code>pnpm start</code> does it for you) and restart. The API is documented at <a href="/docs">/docs</a>.</p>';

/**
 * Without a built web app (API tests, an API started on its own), an invitation link still says what
 * it is for, or why it no longer works ([A11]).
 */
const serverRenderedPages = fp(async (app) => {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/', { schema: { hide: true } }, async (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    return page('Assay', `<h1>Assay</h1><div class="card">${NOT_BUILT}</div>`);
  });
  typed.get(
    '/a/:token',
    { schema: { hide: true, params: z.object({ token: z.string() }) } },
    async (request, reply) => {
      reply.type('text/html; charset=utf-8');
      try {
        const invitation = await invitationSummary(app.db, request.params.token, app.now());
        const status =
          invitation.status === 'finished'
            ? 'You have finished this assessment; your work was submitted.'
            : invitation.status === 'in_progress'
              ? 'You have started this assessment; the clock is running.'
              : 'You have not started yet.';
        return page(
          invitation.title,
          `<h1>${escapeHtml(invitation.title)}</h1><div class="card"><p>Hello ${escapeHtml(invitation.candidateName)}.</p>
<p>${invitation.durationMinutes} minutes · ${escapeHtml(invitation.languages.join(', '))}</p><p>${status}</p>${NOT_BUILT}</div>`,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : 'this link does not work';
        reply.status((error as { statusCode?: number }).statusCode ?? 400);
        return page(
          'Invitation',
          `<h1>This link does not open an assessment</h1><div class="card"><p>${escapeHtml(message)}</p></div>`,
        );
      }
    },
  );
});
