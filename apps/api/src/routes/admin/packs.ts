import { ERROR_CODES, packIdParams, packImportErrorResponse, packImportResponse } from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BadInput, PackImportRunning, PackNotZip, PackTooLarge } from '../../errors.ts';
import { recordAudit } from '../../services/audit.ts';
import {
  exportPackArchive,
  importPackArchive,
  PACK_ARCHIVE_MAX_BYTES,
  PackInvalid,
} from '../../services/packArchive.ts';

const MAX_MB = PACK_ARCHIVE_MAX_BYTES / 1024 / 1024;

// [A77] [A78] Packs in and out of the console, in the zip format of `pnpm problems export/import`.
export const adminPackRoutes: FastifyPluginAsyncZod = async (app) => {
  // [A78] A zip body only on this plugin's routes: everywhere else a body is JSON ([A33]).
  app.addContentTypeParser(
    'application/zip',
    { parseAs: 'buffer', bodyLimit: PACK_ARCHIVE_MAX_BYTES },
    (_r, body, done) => done(null, body),
  );
  // Validation runs the judge on every problem: one import at a time on this server.
  let importing = false;

  app.get(
    '/api/admin/packs/:packId/export.zip',
    { schema: { tags: ['admin'], params: packIdParams } },
    async (request, reply) => {
      const { packId } = request.params;
      const { bytes, source } = await exportPackArchive(app.db, packId);
      await recordAudit(app.db, {
        userId: request.staff?.id,
        action: 'pack.export',
        target: packId,
        detail: { bytes: bytes.length, source },
      });
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${packId}.zip"`)
        .send(bytes);
    },
  );

  app.post(
    '/api/admin/packs/import',
    {
      bodyLimit: PACK_ARCHIVE_MAX_BYTES,
      // Refused before the body is read: a too large or second upload costs its sender only.
      onRequest: async (request) => {
        const length = Number(request.headers['content-length'] ?? 0);
        if (length > PACK_ARCHIVE_MAX_BYTES) throw new PackTooLarge(Math.ceil(length / 1024 / 1024), MAX_MB);
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (type !== 'application/zip') throw new PackNotZip(type ? `sent as ${type}` : 'sent without a Content-Type');
        if (importing) throw new PackImportRunning();
      },
      schema: {
        tags: ['admin'],
        description: `A pack archive (Content-Type: application/zip, at most ${MAX_MB} MB), as \`pnpm problems export\` writes it.`,
        response: { 200: packImportResponse, 400: packImportErrorResponse },
      },
    },
    async (request, reply) => {
      if (importing) throw new PackImportRunning();
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        throw new BadInput(
          'the body is empty: send the pack archive (.zip) as the body, with Content-Type: application/zip',
        );
      importing = true;
      try {
        return await importPackArchive(app.db, body, request.staff?.id, app.config.sandbox);
      } catch (error) {
        if (!(error instanceof PackInvalid)) throw error;
        return reply
          .status(400)
          .send({ error: { code: ERROR_CODES.PACK_INVALID, message: error.message, issues: error.issues } });
      } finally {
        importing = false;
      }
    },
  );
};
