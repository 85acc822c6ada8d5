import type { SettingsResponse } from '@assay/contracts';
import { LANGUAGE_DEFINITIONS, LANGUAGES, RUNNERS } from '@assay/judge';
import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db } from '../db/openDatabase.ts';
import { rowsOf } from '../db/rowsOf.ts';
import type { LanguageAvailabilities } from '../plugins/languages.ts';
import type { JudgeQueue } from '../queue/JudgeQueue.ts';

/**
 * What the installation is, as the console's Settings page shows it ([A74]): read from the running
 * server, never stored, so it cannot disagree with what the server does.
 */
export async function describeInstallation(deps: {
  config: Config;
  db: Db;
  queue: Pick<JudgeQueue, 'kind'>;
  /** [A130] What the server probed at start. */
  languages: LanguageAvailabilities;
}): Promise<SettingsResponse> {
  const [row] = rowsOf<{ version: string }>(await deps.db.execute(sql`select version() as version`));
  const version = row?.version ?? '';
  // PGlite reports itself in the version string: `PostgreSQL 18.6 (PGlite 0.5.16) on wasm32…`.
  const embedded = version.includes('PGlite');
  return {
    publicUrl: deps.config.publicUrl,
    database: { kind: embedded ? 'pglite' : 'postgresql', version: version.split(' on ')[0] ?? version },
    queue: { kind: deps.queue.kind },
    judge: {
      languages: LANGUAGES.map((id) => {
        const definition = LANGUAGE_DEFINITIONS[id];
        const availability = deps.languages[id];
        return {
          id,
          label: definition.label,
          runner: definition.runner,
          available: definition.runner in RUNNERS && availability.available,
          ...(availability.available ? {} : { reason: availability.reason }),
        };
      }),
    },
    // [A92] Invitations are emailed when SMTP_URL is set.
    email: { configured: Boolean(deps.config.SMTP_URL) },
  };
}
