import { z } from 'zod';
import { languageId } from './languageId.ts';

// The live interview pad (issue 12; rules [A100]–[A129] in apps/api/SPEC.md, [W39]– in apps/web/SPEC.md):
// its HTTP shapes, the JSON events of its socket, and the binary frames' vocabulary. The frames' byte
// layout is written once, in padFrames.ts.

/** Bounds one person can fill ([A101]): every string, frame and row a participant controls. */
export const PAD_LIMITS = {
  titleChars: 120,
  nameChars: 60,
  /** The shared code and the interviewer's notes, each (characters of text). */
  textChars: 100_000,
  /** A document's encoded Yjs state; past this the pad takes no more edits ([A101]). */
  docStateBytes: 4 * 1024 * 1024,
  /** One WebSocket frame from a client. */
  frameBytes: 512 * 1024,
  /** Frames per second a connection may send, sustained; bursts up to `framesBurst`. */
  framesPerSecond: 100,
  framesBurst: 400,
  /** Open sockets on one pad, across every participant (50 clients per pad are benchmarked). */
  socketsPerPad: 64,
  /** Open sockets of one participant (tabs). */
  socketsPerParticipant: 5,
  /** Candidates who may join one pad by its link. */
  candidatesPerPad: 20,
  /** Paste, tab and presence events a connection may send per minute. */
  eventsPerMinute: 120,
  /** Runs of one pad queued or running at once. */
  runsInFlight: 1,
  /** A run's custom input (JSON text). */
  customInputChars: 10_000,
} as const;

/** The two documents of a pad. The candidate's connection never receives NOTES ([A104]). */
export const PAD_DOC = { CODE: 0, NOTES: 1 } as const;
export type PadDoc = (typeof PAD_DOC)[keyof typeof PAD_DOC];
/** The Y.Text each document holds, by name. */
export const PAD_TEXT = { [PAD_DOC.CODE]: 'code', [PAD_DOC.NOTES]: 'notes' } as const;

/**
 * Frame types: the first varUint of every binary frame on `/api/pads/:id/socket` ([A102]).
 * - SYNC      [doc][y-protocols sync message]   both ways: step 1 / step 2 / update
 * - AWARENESS [y-protocols awareness update]    both ways; cursors of the code document only
 * - UPDATE    [doc][seq][origin][update]         client → server: a local edit, stored then acknowledged
 * - ACK       [doc][seq]                         server → client: every UPDATE up to `seq` is durable
 * - EVENT     [JSON text]                        both ways: a PadServerEvent / PadClientEvent
 */
export const PAD_FRAME = { SYNC: 0, AWARENESS: 1, UPDATE: 2, ACK: 3, EVENT: 4 } as const;
export type PadFrame = (typeof PAD_FRAME)[keyof typeof PAD_FRAME];

/** Where an edit came from, stored with it for playback ([A103]). */
export const PAD_ORIGIN = { EDIT: 0, PASTE: 1, RESYNC: 2, STARTER: 3 } as const;
export type PadOrigin = (typeof PAD_ORIGIN)[keyof typeof PAD_ORIGIN];
export const PAD_ORIGIN_NAMES = ['edit', 'paste', 'resync', 'starter'] as const;
export type PadOriginName = (typeof PAD_ORIGIN_NAMES)[number];

export const PAD_ROLES = ['interviewer', 'candidate'] as const;
export type PadRole = (typeof PAD_ROLES)[number];
export const PAD_STATUSES = ['open', 'ended'] as const;
export type PadStatus = (typeof PAD_STATUSES)[number];

// ---------------------------------------------------------------------------------------------------
// HTTP

export const padIdParams = z.object({ id: z.uuid() });
export const padTokenParams = z.object({ token: z.string().min(16).max(200) });

export const createPadBody = z.object({
  title: z.string().trim().min(1, 'give the pad a title').max(PAD_LIMITS.titleChars),
  language: languageId,
  /** A library problem: its statement beside the editor, its starter code, its samples runnable. */
  problemVersionId: z.uuid().optional(),
});
export type CreatePadBody = z.infer<typeof createPadBody>;

export const padParticipant = z.object({
  id: z.string(),
  name: z.string(),
  /** `#rrggbb`, chosen by the server, distinct within the pad. */
  colour: z.string(),
  role: z.enum(PAD_ROLES),
});
export type PadParticipant = z.infer<typeof padParticipant>;

export const padProblem = z.object({ versionId: z.string(), ref: z.string(), title: z.string() });

/** A pad as staff see it in the list ([A105]). */
export const padSummary = z.object({
  id: z.string(),
  title: z.string(),
  language: languageId,
  status: z.enum(PAD_STATUSES),
  problem: padProblem.nullable(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  participants: z.array(padParticipant),
  /** The link a candidate joins by; staff only. */
  candidateLink: z.string(),
});
export type PadSummary = z.infer<typeof padSummary>;
export const padListResponse = z.object({ pads: z.array(padSummary) });
export type PadListResponse = z.infer<typeof padListResponse>;

/** A sample test of the pad's problem, runnable by anyone in the pad. */
export const padSample = z.object({ id: z.string(), input: z.string(), expected: z.string() });

/** The problem beside the editor (no hidden test ever). */
export const padTask = z.object({
  title: z.string(),
  statement: z.string(),
  /** Starter code per language id. */
  starters: z.record(z.string(), z.string()),
  samples: z.array(padSample),
  signature: z.string(),
  limits: z.object({ cpuMs: z.number(), memoryMb: z.number() }),
});
export type PadTask = z.infer<typeof padTask>;

/** One run's result as every participant sees it ([A107]). */
export const padRunTest = z.object({
  id: z.string(),
  kind: z.enum(['sample', 'custom', 'program']),
  verdict: z.string(),
  input: z.string().optional(),
  expected: z.string().optional(),
  /** The returned value, displayed. */
  actual: z.string().optional(),
  output: z.string(),
  message: z.string().optional(),
  cpuMs: z.number(),
});
export const padRun = z.object({
  id: z.string(),
  participantId: z.string().nullable(),
  /** Who ran it, as the pad named them at the time. */
  by: z.string(),
  language: languageId,
  status: z.enum(['queued', 'running', 'done']),
  verdict: z.string().nullable(),
  compileError: z.object({ message: z.string(), line: z.number(), column: z.number() }).nullable(),
  tests: z.array(padRunTest),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why the run has no tests when the judge could not run it (an error on the server's side). */
  message: z.string().optional(),
});
export type PadRun = z.infer<typeof padRun>;

/** What a participant's page loads ([A106]); candidates get no candidate link and no notes. */
export const padView = z.object({
  pad: padSummary.omit({ candidateLink: true, participants: true }).extend({ candidateLink: z.string().nullable() }),
  me: padParticipant,
  task: padTask.nullable(),
  runs: z.array(padRun),
  /** Whether this participant may edit: false for a candidate once the pad ended. */
  canEdit: z.boolean(),
});
export type PadView = z.infer<typeof padView>;

export const joinPadBody = z.object({
  name: z.string().trim().min(1, 'type your name').max(PAD_LIMITS.nameChars),
});
/** What the candidate link's page shows before joining. */
export const padInvitation = z.object({
  padId: z.string(),
  title: z.string(),
  status: z.enum(PAD_STATUSES),
  /** The participant this browser joined as already (its cookie for the link), if any. */
  me: padParticipant.nullable().optional(),
});
export const joinPadResponse = z.object({ padId: z.string(), participant: padParticipant });

export const setPadLanguageBody = z.object({ language: languageId });

export const padRunBody = z.object({
  code: z.string().max(PAD_LIMITS.textChars),
  language: languageId,
  /** Extra arguments to run with, as JSON text of an array of argument lists (problem pads only). */
  customInput: z.string().max(PAD_LIMITS.customInputChars).optional(),
});
export type PadRunBody = z.infer<typeof padRunBody>;

// ---------------------------------------------------------------------------------------------------
// Playback ([A108]): derived once from the stored updates, scrubbed in the browser.

/**
 * A text change as compact ops: a positive number keeps that many characters, a negative number
 * deletes that many, a string inserts itself. Applying an edit's ops to the text before it gives the
 * text after it.
 */
export const padTextOps = z.array(z.union([z.number().int(), z.string()]));
export type PadTextOps = z.infer<typeof padTextOps>;

export const playbackEdit = z.object({
  /** Milliseconds since the pad's first stored update. */
  t: z.number(),
  /** Index into `participants`, or -1 when unknown. */
  p: z.number().int(),
  origin: z.enum(PAD_ORIGIN_NAMES),
  ops: padTextOps,
});
export type PlaybackEdit = z.infer<typeof playbackEdit>;

/** The full text before edit number `edit` (so checkpoint 0 is the empty text before edit 0). */
export const playbackCheckpoint = z.object({ edit: z.number().int(), text: z.string() });
export type PlaybackCheckpoint = z.infer<typeof playbackCheckpoint>;

export const PLAYBACK_EVENT_KINDS = [
  'join',
  'leave',
  'paste',
  'tab_hidden',
  'tab_visible',
  'language',
  'run',
  'end',
] as const;
export const playbackEvent = z.object({
  t: z.number(),
  p: z.number().int(),
  kind: z.enum(PLAYBACK_EVENT_KINDS),
  /** paste: { chars, fromOutside }; language: { language }; run: { runId, verdict }. */
  data: z.record(z.string(), z.unknown()),
});
export type PlaybackEvent = z.infer<typeof playbackEvent>;

export const padPlayback = z.object({
  /** Wall-clock time of t = 0. */
  startedAt: z.string(),
  /** Length of the session in ms (to the end, or to the last event of a pad still open). */
  durationMs: z.number(),
  participants: z.array(padParticipant),
  edits: z.array(playbackEdit),
  /** One every PLAYBACK_CHECKPOINT_EVERY edits, so that any moment is at most that many edits from a full text. */
  checkpoints: z.array(playbackCheckpoint),
  events: z.array(playbackEvent),
  runs: z.array(padRun),
  /** The interviewer's notes as they ended. */
  notes: z.string(),
});
export type PadPlayback = z.infer<typeof padPlayback>;
export const PLAYBACK_CHECKPOINT_EVERY = 100;

// ---------------------------------------------------------------------------------------------------
// The socket's JSON events ([A102])

export const PRESENCE = ['active', 'idle', 'away', 'left'] as const;
export type Presence = (typeof PRESENCE)[number];

export const padPresence = padParticipant.extend({
  presence: z.enum(PRESENCE),
  /** The Yjs awareness client ids this participant's connections use, to name their cursors. */
  clientIds: z.array(z.number().int()),
});
export type PadPresence = z.infer<typeof padPresence>;

export const padServerEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    me: padParticipant,
    /** Whether this connection may send UPDATE frames for the code document. */
    canEdit: z.boolean(),
    /** Whether this connection receives the notes document. */
    notes: z.boolean(),
    status: z.enum(PAD_STATUSES),
    language: languageId,
  }),
  z.object({ type: z.literal('participants'), participants: z.array(padPresence) }),
  z.object({ type: z.literal('language'), language: languageId, by: z.string() }),
  z.object({ type: z.literal('run'), run: padRun }),
  z.object({ type: z.literal('ended'), endedAt: z.string(), by: z.string() }),
]);
export type PadServerEvent = z.infer<typeof padServerEvent>;

export const padClientEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('presence'), presence: z.enum(['active', 'idle', 'away']) }),
  z.object({
    type: z.literal('paste'),
    chars: z.number().int().min(0).max(10_000_000),
    /** True when the pasted text was not copied from this pad's editor. */
    fromOutside: z.boolean(),
  }),
  z.object({ type: z.literal('tab'), visible: z.boolean() }),
]);
export type PadClientEvent = z.infer<typeof padClientEvent>;
