// Playback of a pad ([A108]): the stored Yjs updates of the code document turned, once, into plain text
// edits and full-text checkpoints, so that the browser shows any moment without Yjs ([A125]–[A127]).
import {
  type PadOriginName,
  type PadPlayback,
  type PadTextOps,
  PLAYBACK_CHECKPOINT_EVERY,
  type PlaybackCheckpoint,
  type PlaybackEdit,
} from '@assay/contracts';
import * as Y from 'yjs';

/** One stored update of the code document, in the order the server stored it. */
export interface StoredPadUpdate {
  at: Date | number;
  /** Index into the playback's participants, or -1 when unknown. */
  participant: number;
  origin: PadOriginName;
  update: Uint8Array;
}

export interface DerivedPlayback {
  edits: PlaybackEdit[];
  checkpoints: PlaybackCheckpoint[];
  /** The text after the last edit. */
  text: string;
}

const millis = (at: Date | number) => (typeof at === 'number' ? at : at.getTime());

export interface DeriveOptions {
  /** Epoch ms of t = 0; the first update's time when unset. */
  start?: number;
  /** Edits between checkpoints (PLAYBACK_CHECKPOINT_EVERY). */
  every?: number;
  /** The Y.Text to follow ('code'). */
  textName?: string;
}

/**
 * [A125] Replays stored updates into one Y.Doc and records what each did to `getText('code')`: an update
 * that changes no text (a deletion of nothing, one whose dependencies have not arrived yet) makes no edit;
 * the edit of an update that completes earlier pending ones carries all of their text. A checkpoint (the
 * full text before edit k) every `every` edits from edit 0, so any moment is at most `every` edits away.
 * Fed one update at a time, so that a server can yield between batches of a long session.
 */
export function playbackDeriver(options: DeriveOptions = {}) {
  const every = options.every ?? PLAYBACK_CHECKPOINT_EVERY;
  const doc = new Y.Doc();
  const ytext = doc.getText(options.textName ?? 'code');
  const edits: PlaybackEdit[] = [];
  const checkpoints: PlaybackCheckpoint[] = [{ edit: 0, text: '' }];
  let text = '';
  let current: StoredPadUpdate | null = null;
  let start = options.start;

  ytext.observe((event) => {
    if (!current) return;
    const ops: PadTextOps = [];
    for (const part of event.delta) {
      if (part.retain !== undefined) ops.push(part.retain);
      else if (part.delete !== undefined) ops.push(-part.delete);
      // Code holds only strings; an embed (never written by the editor) is kept as nothing.
      else if (typeof part.insert === 'string') ops.push(part.insert);
    }
    if (ops.length === 0) return;
    if (edits.length > 0 && edits.length % every === 0) checkpoints.push({ edit: edits.length, text });
    text = applyOps(text, ops);
    // Times never go back, so that the moment of a time is one binary search (editIndexAt): rows are stored
    // in arrival order, and two instances' clocks may disagree by a few ms.
    const t = Math.max(edits.at(-1)?.t ?? 0, millis(current.at) - (start ?? 0));
    edits.push({ t, p: current.participant, origin: current.origin, ops });
  });

  return {
    add(stored: StoredPadUpdate): void {
      start ??= millis(stored.at);
      current = stored;
      Y.applyUpdate(doc, stored.update);
      current = null;
    },
    finish(): DerivedPlayback {
      doc.destroy();
      return { edits, checkpoints, text };
    },
  };
}

/** [A125] The whole derivation at once (see playbackDeriver). */
export function derivePlayback(updates: Iterable<StoredPadUpdate>, options: DeriveOptions = {}): DerivedPlayback {
  const deriver = playbackDeriver(options);
  for (const stored of updates) deriver.add(stored);
  return deriver.finish();
}

/** [A126] Applies compact ops (+n keep, −n delete, 'str' insert) to the text before them. */
export function applyOps(text: string, ops: PadTextOps): string {
  let out = '';
  let at = 0;
  for (const op of ops) {
    if (typeof op === 'string') out += op;
    else if (op > 0) {
      out += text.slice(at, at + op);
      at += op;
    } else at -= op;
  }
  return out + text.slice(at);
}

type Scrubbable = Pick<PadPlayback, 'edits' | 'checkpoints'>;

/**
 * [A126] The text after the first `editIndex` edits (0: before any, `edits.length`: the end): the nearest
 * checkpoint at or before it, then at most PLAYBACK_CHECKPOINT_EVERY edits applied forward.
 */
export function textAt(playback: Scrubbable, editIndex: number): string {
  const target = Math.max(0, Math.min(playback.edits.length, Math.floor(editIndex)));
  const { checkpoints } = playback;
  let lo = 0;
  let hi = checkpoints.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((checkpoints[mid] as PlaybackCheckpoint).edit <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const checkpoint = checkpoints[found] ?? { edit: 0, text: '' };
  let text = checkpoint.text;
  for (let k = checkpoint.edit; k < target; k++) text = applyOps(text, (playback.edits[k] as PlaybackEdit).ops);
  return text;
}

/** [A126] How many edits happened at or before `t` (ms since the start): the edit index of that moment. */
export function editIndexAt(playback: Pick<PadPlayback, 'edits'>, t: number): number {
  const { edits } = playback;
  let lo = 0;
  let hi = edits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edits[mid] as PlaybackEdit).t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
