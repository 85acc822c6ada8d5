import type { CreatePadBody, PadSummary, PadTask, PadView } from '@assay/contracts';
import { PAD_LIMITS } from '@assay/contracts';
import type { Language } from '@assay/judge';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/openDatabase.ts';
import { padEvents, padParticipants, pads, problemVersions } from '../db/schema.ts';
import { NotFound, PadEnded, PadFull, PadLinkNotFound, PadProblemNotFound } from '../errors.ts';
import { nextColour, type ParticipantRow, toPadParticipant } from '../pads/participants.ts';
import type { Staff } from '../plugins/auth.ts';
import { type EventBus, publishPadEvent } from '../queue/EventBus.ts';
import { samplesOf } from './attemptView.ts';
import { recordAudit } from './audit.ts';
import { problemVersionById } from './cachedLookups.ts';
import { sealToken, unsealToken } from './invitationTokens.ts';
import { padRunHistory } from './padRuns.ts';
import { seedPadStarter } from './padStarter.ts';
import { hashToken, newToken } from './secrets.ts';

/** How many pads the console's list shows, newest first ([A105]). */
export const PAD_LIST_LIMIT = 200;

export type PadRow = typeof pads.$inferSelect;

/** Where the candidate link points, and the key that unseals its token ([A89]). */
export interface PadLinks {
  publicUrl: string;
  key: Buffer;
}

export function candidateLinkOf(links: PadLinks, pad: Pick<PadRow, 'candidateTokenSealed'>): string {
  const token = unsealToken(links.key, pad.candidateTokenSealed);
  // A link sealed under another SECRET_KEY cannot be shown again; the pad still works for who joined.
  return token ? `${links.publicUrl}/pad/join/${token}` : '';
}

/** The pad, or a 404 that says so. */
export async function loadPad(db: Db, padId: string): Promise<PadRow> {
  const [pad] = await db.select().from(pads).where(eq(pads.id, padId));
  if (!pad) throw new NotFound(`pad ${padId}`);
  return pad;
}

async function problemsOf(db: Db, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, { versionId: string; ref: string; title: string }>();
  const rows = await db
    .select({
      id: problemVersions.id,
      packId: problemVersions.packId,
      problemId: problemVersions.problemId,
      title: problemVersions.title,
    })
    .from(problemVersions)
    .where(inArray(problemVersions.id, versionIds));
  return new Map(rows.map((r) => [r.id, { versionId: r.id, ref: `${r.packId}/${r.problemId}`, title: r.title }]));
}

function summaryOf(
  pad: PadRow,
  problem: PadSummary['problem'],
  participants: ParticipantRow[],
  links: PadLinks,
): PadSummary {
  return {
    id: pad.id,
    title: pad.title,
    language: pad.language,
    status: pad.status,
    problem,
    createdAt: pad.createdAt.toISOString(),
    endedAt: pad.endedAt?.toISOString() ?? null,
    createdBy: pad.createdBy,
    participants: participants.map(toPadParticipant),
    candidateLink: candidateLinkOf(links, pad),
  };
}

export interface PadDeps {
  db: Db;
  events: EventBus;
  now: () => Date;
}

/**
 * [A105] A new pad: blank in a language, or from a library problem version. The candidate link's
 * token is random; its hash finds the pad and it is stored sealed, so the link can be shown again.
 */
export async function createPad(deps: PadDeps, links: PadLinks, staff: Staff, body: CreatePadBody) {
  const { db } = deps;
  let problem: PadSummary['problem'] = null;
  if (body.problemVersionId) {
    const [version] = await db
      .select({
        id: problemVersions.id,
        packId: problemVersions.packId,
        problemId: problemVersions.problemId,
        title: problemVersions.title,
      })
      .from(problemVersions)
      .where(eq(problemVersions.id, body.problemVersionId));
    if (!version) throw new PadProblemNotFound(body.problemVersionId);
    problem = { versionId: version.id, ref: `${version.packId}/${version.problemId}`, title: version.title };
  }
  const token = newToken();
  // The pad and its starter ([A123]) are one transaction: no client ever syncs a new pad without it.
  const pad = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pads)
      .values({
        title: body.title,
        language: body.language,
        problemVersionId: body.problemVersionId ?? null,
        candidateTokenHash: hashToken(token),
        candidateTokenSealed: sealToken(links.key, token),
        createdBy: staff.id,
        createdAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('the pad was not stored');
    await seedPadStarter(tx, row);
    await recordAudit(tx, {
      userId: staff.id,
      action: 'pad.create',
      target: row.id,
      detail: { title: row.title, language: row.language, problem: problem?.ref ?? null },
    });
    return row;
  });
  return summaryOf(pad, problem, [], links);
}

/** [A105] The newest pads with their problem and participants, for the console's list. */
export async function listPads(db: Db, links: PadLinks): Promise<PadSummary[]> {
  const rows = await db.select().from(pads).orderBy(desc(pads.createdAt), desc(pads.id)).limit(PAD_LIST_LIMIT);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [problems, participants] = await Promise.all([
    problemsOf(db, [...new Set(rows.flatMap((r) => (r.problemVersionId ? [r.problemVersionId] : [])))]),
    db.select().from(padParticipants).where(inArray(padParticipants.padId, ids)).orderBy(padParticipants.createdAt),
  ]);
  return rows.map((pad) =>
    summaryOf(
      pad,
      pad.problemVersionId ? (problems.get(pad.problemVersionId) ?? null) : null,
      participants.filter((p) => p.padId === pad.id),
      links,
    ),
  );
}

/** "twoSum(nums: int[], target: int): int[]", as the statement beside the editor shows it. */
function signatureText(signature: {
  functionName: string;
  params: { name: string; type: string }[];
  returnType: string;
}) {
  return `${signature.functionName}(${signature.params.map((p) => `${p.name}: ${p.type}`).join(', ')}): ${signature.returnType}`;
}

/** [A106] A problem pad's task: statement, starters, samples and limits; hidden tests never. */
async function taskOf(db: Db, versionId: string): Promise<PadTask> {
  const version = await problemVersionById(db, versionId);
  return {
    title: version.title,
    statement: version.statement,
    starters: version.starter,
    samples: samplesOf(version.spec),
    signature: signatureText(version.spec.signature),
    limits: { cpuMs: version.spec.limits.cpuMs, memoryMb: version.spec.limits.memoryMb },
  };
}

/**
 * [A106] What a participant's page loads. Candidates get no candidate link (nor notes, which only
 * the socket carries, to staff), and may edit only while the pad is open.
 */
export async function padView(db: Db, links: PadLinks, pad: PadRow, me: ParticipantRow): Promise<PadView> {
  const staff = me.role === 'interviewer';
  const [problems, task, runs] = await Promise.all([
    problemsOf(db, pad.problemVersionId ? [pad.problemVersionId] : []),
    pad.problemVersionId ? taskOf(db, pad.problemVersionId) : Promise.resolve(null),
    padRunHistory(db, pad.id, pad.problemVersionId === null),
  ]);
  const {
    candidateLink,
    participants: _participants,
    ...summary
  } = summaryOf(pad, pad.problemVersionId ? (problems.get(pad.problemVersionId) ?? null) : null, [], links);
  return {
    pad: { ...summary, candidateLink: staff ? candidateLink : null },
    me: toPadParticipant(me),
    task,
    runs,
    canEdit: staff || pad.status === 'open',
  };
}

/** The pad a candidate link opens, or a 404 that says the link is wrong. */
export async function padByToken(db: Db, token: string): Promise<PadRow> {
  const [pad] = await db
    .select()
    .from(pads)
    .where(eq(pads.candidateTokenHash, hashToken(token)));
  if (!pad) throw new PadLinkNotFound();
  return pad;
}

/** The candidate whose participant cookie this is, in this pad. */
export async function candidateByCookie(db: Db, padId: string, cookie: string | undefined) {
  if (!cookie) return undefined;
  const [row] = await db
    .select()
    .from(padParticipants)
    .where(and(eq(padParticipants.padId, padId), eq(padParticipants.tokenHash, hashToken(cookie))));
  return row?.role === 'candidate' ? row : undefined;
}

/**
 * [A113] Joins a pad by its link: a new candidate participant with the next free colour, and the
 * token of the participant cookie. Refused once the pad ended or holds PAD_LIMITS.candidatesPerPad
 * candidates; the pad's row is locked while the candidates are counted.
 */
export async function joinPad(deps: PadDeps, pad: PadRow, name: string) {
  const token = newToken();
  const participant = await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: pads.status }).from(pads).where(eq(pads.id, pad.id)).for('update');
    if (locked?.status !== 'open') throw new PadEnded();
    const existing = await tx.select().from(padParticipants).where(eq(padParticipants.padId, pad.id));
    if (existing.filter((p) => p.role === 'candidate').length >= PAD_LIMITS.candidatesPerPad)
      throw new PadFull(PAD_LIMITS.candidatesPerPad);
    const [row] = await tx
      .insert(padParticipants)
      .values({
        padId: pad.id,
        role: 'candidate',
        name,
        colour: nextColour(existing.map((p) => p.colour)),
        tokenHash: hashToken(token),
        createdAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('the participant was not stored');
    return row;
  });
  return { participant, token };
}

/** [A107] Anyone in an open pad switches its language for everyone; stored for playback, then announced. */
export async function setPadLanguage(deps: PadDeps, pad: PadRow, by: ParticipantRow, language: Language) {
  const [updated] = await deps.db
    .update(pads)
    .set({ language })
    .where(and(eq(pads.id, pad.id), eq(pads.status, 'open')))
    .returning();
  if (!updated) throw new PadEnded();
  await deps.db
    .insert(padEvents)
    .values({ padId: pad.id, participantId: by.id, kind: 'language', data: { language }, at: deps.now() });
  await publishPadEvent(deps.events, pad.id, { type: 'language', language, by: by.name }).catch(() => {});
  return updated;
}

/** [A107] Ends the interview: read-only for the candidate from now on; audited and announced. */
export async function endPad(deps: PadDeps, pad: PadRow, staff: Staff, by: ParticipantRow) {
  const at = deps.now();
  const [ended] = await deps.db
    .update(pads)
    .set({ status: 'ended', endedAt: at, endedBy: staff.id })
    .where(and(eq(pads.id, pad.id), eq(pads.status, 'open')))
    .returning();
  if (!ended) throw new PadEnded();
  await deps.db.insert(padEvents).values({ padId: pad.id, participantId: by.id, kind: 'end', data: {}, at });
  await recordAudit(deps.db, { userId: staff.id, action: 'pad.end', target: pad.id, detail: { title: pad.title } });
  await publishPadEvent(deps.events, pad.id, { type: 'ended', endedAt: at.toISOString(), by: staff.name }).catch(
    () => {},
  );
  return ended;
}
