import { settingsResponse } from '@assay/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { describeInstallation } from '../../services/installation.ts';

export const adminSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/admin/settings', { schema: { tags: ['admin'], response: { 200: settingsResponse } } }, async () =>
    describeInstallation(app),
  );
};
