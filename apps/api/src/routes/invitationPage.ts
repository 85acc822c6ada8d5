import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invitationSummary } from '../services/attempts.ts';

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

/**
 * The page an invitation link opens. Until the candidate app exists (issue "The candidate's assessment
 * in the browser"), it shows what the link is for, or why it no longer works.
 */
export const invitationPage: FastifyPluginAsyncZod = async (app) => {
  app.get('/a/:token', { schema: { hide: true, params: z.object({ token: z.string() }) } }, async (request, reply) => {
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
<p>${invitation.durationMinutes} minutes · ${escapeHtml(invitation.languages.join(', '))}</p><p>${status}</p>
<p class="muted">The in-browser IDE is not part of this build yet. The API behind this link is documented at <a href="/docs">/docs</a>.</p></div>`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : 'this link does not work';
      reply.status((error as { statusCode?: number }).statusCode ?? 400);
      return page(
        'Invitation',
        `<h1>This link does not open an assessment</h1><div class="card"><p>${escapeHtml(message)}</p></div>`,
      );
    }
  });
};
