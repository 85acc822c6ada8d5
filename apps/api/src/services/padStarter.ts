import { PAD_DOC, PAD_TEXT } from '@assay/contracts';
import { type Language, programStarter } from '@assay/judge';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/openDatabase.ts';
import { padUpdates, problemVersions } from '../db/schema.ts';

/** A new pad, as far as its starter goes. */
export interface NewPad {
  id: string;
  language: Language;
  problemVersionId: string | null;
  createdAt: Date;
}

/**
 * [A123] Seeds a new pad's code document with its starter, in the caller's transaction (the pad's own):
 * the problem's starter in the pad's language, or a blank pad's `programStarter`. The starter is the first
 * row of the document's history (origin `starter`, no participant, at the pad's creation), so every
 * client, whoever opens first and however many at once, syncs it from the server exactly once, and
 * playback starts with it. A problem without a starter in that language leaves the document empty.
 */
export async function seedPadStarter(db: Db, pad: NewPad): Promise<void> {
  let code = programStarter(pad.language);
  if (pad.problemVersionId) {
    const [version] = await db
      .select({ starter: problemVersions.starter })
      .from(problemVersions)
      .where(eq(problemVersions.id, pad.problemVersionId));
    code = version?.starter[pad.language] ?? '';
  }
  if (code === '') return;
  const ydoc = new Y.Doc();
  ydoc.getText(PAD_TEXT[PAD_DOC.CODE]).insert(0, code);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  await db.insert(padUpdates).values({
    padId: pad.id,
    doc: PAD_DOC.CODE,
    participantId: null,
    origin: 'starter',
    update: Buffer.from(update),
    at: pad.createdAt,
  });
}
