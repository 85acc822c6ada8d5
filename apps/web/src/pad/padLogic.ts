// The pad page's decisions that need no browser ([W45]–[W54]): who is present and how, how a remote
// cursor is painted, what a closed socket means for the person looking, when a language switch may
// replace the code with the new language's starter, and how the run history is merged.
import type { PadConnection } from '@assay/collab';
import {
  CLOSE_CODES,
  type LanguageId,
  PAD_ORIGIN,
  type PadParticipant,
  type PadPresence,
  type PadRun,
  type Presence,
} from '@assay/contracts';
import { programStarter } from '@assay/judge/languages';

/**
 * An awareness state as the page receives it: what each page sets itself. The server keeps the `user` it
 * stamps for itself; who owns a cursor comes once, in the `participants` event's `clientIds` ([A111]).
 */
export interface PadAwarenessState {
  presence?: Presence;
  selection?: unknown;
}

/** Each awareness client id with the participant whose connection uses it, from a `participants` event. */
export function cursorOwners(participants: readonly PadPresence[]): Map<number, PadParticipant> {
  const owners = new Map<number, PadParticipant>();
  for (const { clientIds, presence: _presence, ...participant } of participants)
    for (const clientId of clientIds) owners.set(clientId, participant);
  return owners;
}

const PRESENCE_RANK: Record<Presence, number> = { active: 3, idle: 2, away: 1, left: 0 };

export interface PresentParticipant extends PadParticipant {
  presence: Presence;
  /** This page's own participant. */
  me: boolean;
}

/**
 * Everyone who joined (the `participants` events, and the page's own participant), each with the
 * liveliest presence among the awareness states of the client ids the server said are theirs ([W47]):
 * one person in two tabs, one active and one hidden, is active. No state at all is "left".
 */
export function presentParticipants(
  joined: readonly PadParticipant[],
  states: ReadonlyMap<number, PadAwarenessState>,
  owners: ReadonlyMap<number, PadParticipant>,
  me: PadParticipant,
  myPresence: Exclude<Presence, 'left'>,
): PresentParticipant[] {
  const best = new Map<string, Presence>();
  const people = new Map<string, PadParticipant>();
  for (const p of [me, ...joined]) if (!people.has(p.id)) people.set(p.id, p);
  for (const [clientId, state] of states) {
    const owner = owners.get(clientId);
    if (!owner) continue;
    if (!people.has(owner.id)) people.set(owner.id, owner);
    const presence = state.presence ?? 'active';
    const previous = best.get(owner.id);
    if (!previous || PRESENCE_RANK[presence] > PRESENCE_RANK[previous]) best.set(owner.id, presence);
  }
  return [...people.values()]
    .map((p) => ({
      ...p,
      me: p.id === me.id,
      presence: p.id === me.id ? myPresence : (best.get(p.id) ?? 'left'),
    }))
    .sort((a, b) => Number(b.me) - Number(a.me) || PRESENCE_RANK[b.presence] - PRESENCE_RANK[a.presence]);
}

/** The participants as the server listed them, without the per-connection presence it sent. */
export function joinedFromEvent(participants: readonly PadPresence[]): PadParticipant[] {
  return participants.map(({ id, name, colour, role }) => ({ id, name, colour, role }));
}

/** `#rgb` / `#rrggbb` as a colour CSS accepts, or a neutral grey for anything else (it lands in a stylesheet). */
export function safeColour(colour: string): string {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : '#888888';
}

/** Black or white, whichever reads better on `colour` (WCAG relative luminance). */
export function textOn(colour: string): '#000000' | '#ffffff' {
  let hex = safeColour(colour).slice(1);
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with black (L + 0.05) / 0.05 against with white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** A string as a CSS string literal: every character that could end it or the rule is escaped by code point. */
export function cssString(text: string): string {
  return `"${[...text].map((c) => (/[\w .,'-]/u.test(c) && c !== '\\' ? c : `\\${c.codePointAt(0)?.toString(16)} `)).join('')}"`;
}

/** How long a remote caret's name label stays shown after the caret last moved ([W46]). */
export const CURSOR_LABEL_MS = 1500;

/**
 * The stylesheet for one remote participant's cursor and selection ([W46]): y-monaco marks them with
 * `yRemoteSelection-<clientID>` and `yRemoteSelectionHead-<clientID>`; the head carries a name label in
 * the participant's colour with black or white text, whichever reads, so it works in both themes. The
 * label covers a little of the line above, so it is drawn only while `labelShown` (pad.css hides it).
 */
export function cursorCss(clientId: number, user: Pick<PadParticipant, 'name' | 'colour'>, labelShown = true): string {
  if (!Number.isInteger(clientId) || clientId < 0) return '';
  const colour = safeColour(user.colour);
  return [
    `.yRemoteSelection-${clientId} { background-color: ${colour}40; }`,
    `.yRemoteSelectionHead-${clientId} { position: absolute; border-left: 2px solid ${colour}; height: 1.3em; box-sizing: border-box; }`,
    `.yRemoteSelectionHead-${clientId}::after { content: ${cssString(user.name)}; background: ${colour}; color: ${textOn(colour)}; }`,
    ...(labelShown ? [`.yRemoteSelectionHead-${clientId}::after { opacity: 1; }`] : []),
  ].join('\n');
}

/**
 * Whether a remote caret's label is shown ([W46]): for CURSOR_LABEL_MS after it last moved, and while
 * the mouse is over it, as CoderPad does.
 */
export function cursorLabelShown(movedAt: number | undefined, now: number, hovered: boolean): boolean {
  return hovered || (movedAt !== undefined && now - movedAt < CURSOR_LABEL_MS);
}

/** What the page says when the socket closed for good, and what to do ([W52]). */
export function closeMessage(code: number, role: PadParticipant['role'] | undefined): string | undefined {
  switch (code) {
    case CLOSE_CODES.NOT_SIGNED_IN:
      return role === 'candidate'
        ? 'You are no longer signed in to this pad. Open the link your interviewer sent you again.'
        : 'Your session has ended. Sign in again to rejoin the pad.';
    case CLOSE_CODES.FORBIDDEN:
      return 'The server refused this connection: you may not edit this pad (it may have ended). Reload the page.';
    case CLOSE_CODES.PAD_NOT_FOUND:
      return 'This pad no longer exists. Ask your interviewer for a new link.';
    case CLOSE_CODES.PAD_TOO_LARGE:
      return 'The last edit would make the code larger than a pad allows, so it was not saved. Reload the page and shorten the code.';
    case CLOSE_CODES.TOO_MANY_SOCKETS:
      return 'This pad is open in too many tabs. Close the other tabs; the page reconnects by itself.';
    case CLOSE_CODES.TOO_MANY_FRAMES:
      return 'Too many changes were sent too fast; the page is reconnecting.';
    case CLOSE_CODES.PAD_BAD_FRAME:
      return 'The connection broke the pad protocol (a bug). Reload the page.';
    default:
      return undefined;
  }
}

export type ConnectionSummary = { text: string; tone: 'ok' | 'muted' | 'warn' | 'bad' };

/** The top bar's connection state ([W45]): synced, saving N edits, offline and reconnecting. */
export function connectionSummary(
  status: 'connecting' | 'syncing' | 'synced' | 'offline' | 'closed',
  pending: number,
): ConnectionSummary {
  switch (status) {
    case 'connecting':
      return { text: 'Connecting…', tone: 'muted' };
    case 'syncing':
      return { text: 'Syncing…', tone: 'muted' };
    case 'synced':
      return pending > 0
        ? { text: `Saving ${pending} edit${pending === 1 ? '' : 's'}…`, tone: 'muted' }
        : { text: 'All changes saved', tone: 'ok' };
    case 'offline':
      return { text: 'Offline, reconnecting… edits are kept', tone: 'warn' };
    case 'closed':
      return { text: 'Disconnected', tone: 'bad' };
  }
}

/**
 * Whether switching language may replace the code with the new language's starter ([W48]): only when
 * nothing was written, or the code is still (apart from whitespace) the previous language's starter.
 */
export function starterMayReplace(code: string, previousStarter: string | undefined): boolean {
  const trimmed = code.trim();
  return trimmed === '' || (previousStarter !== undefined && trimmed === previousStarter.trim());
}

/**
 * Starter code of a pad in a language: the problem's, or the blank pad's program skeleton. The server
 * seeds a new pad with it ([A123]); the page uses it only when the language changes.
 */
export function padStarter(
  task: { starters: Record<string, string> } | null,
  language: LanguageId,
): string | undefined {
  return task ? task.starters[language] : programStarter(language);
}

/**
 * The starter a switch from `before` to `next` puts in place of `code` ([W48]), or undefined when the
 * code stays: someone wrote it, or the problem has no starter in `next`.
 */
export function starterAfterSwitch(
  code: string,
  task: { starters: Record<string, string> } | null,
  before: LanguageId,
  next: LanguageId,
): string | undefined {
  const starter = padStarter(task, next);
  return starter !== undefined && starterMayReplace(code, padStarter(task, before)) ? starter : undefined;
}

/**
 * The run history, newest first: a run event replaces the run with its id, or adds it ([W49]); a
 * notice of an earlier stage than the one shown is old news and changes nothing.
 */
export function mergeRun(runs: readonly PadRun[], run: PadRun): PadRun[] {
  const known = runs.find((r) => r.id === run.id);
  // The socket's `done` can overtake the Run request's own answer (`queued`): a run never goes back.
  if (known && RUN_PROGRESS[known.status] > RUN_PROGRESS[run.status]) return [...runs];
  const rest = runs.filter((r) => r.id !== run.id);
  return [run, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

const RUN_PROGRESS: Record<PadRun['status'], number> = { queued: 0, running: 1, done: 2 };

/** Presence from the page's own signals ([W47]): hidden tab → away; no input for a minute → idle. */
export function ownPresence(hidden: boolean, msSinceInput: number, idleAfterMs = 60_000): 'active' | 'idle' | 'away' {
  if (hidden) return 'away';
  return msSinceInput >= idleAfterMs ? 'idle' : 'active';
}

/** Replaces the code with a starter in one transaction, labelled STARTER for playback ([W48]). */
export function replaceWithStarter(connection: Pick<PadConnection, 'code' | 'origin'>, starter: string): void {
  const text = connection.code.getText('code');
  connection.origin = PAD_ORIGIN.STARTER;
  try {
    connection.code.transact(() => {
      text.delete(0, text.length);
      text.insert(0, starter);
    });
  } finally {
    connection.origin = PAD_ORIGIN.EDIT;
  }
}

/** What Run does in a blank pad ([J53]): the whole program runs, main() optional. */
export const BLANK_PAD_HINT =
  'Run executes the whole program: its console output is shown, and so is what main() returns. Everyone in the pad sees the result.';
