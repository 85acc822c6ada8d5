import { PadConnection, type PadConnectionStatus } from '@assay/collab';
import type { LanguageId, PadParticipant, PadRun, PadView } from '@assay/contracts';
import { useEffect, useRef, useState } from 'react';
import {
  closeMessage,
  cursorOwners,
  joinedFromEvent,
  mergeRun,
  ownPresence,
  type PadAwarenessState,
} from './padLogic.ts';

/** How long without input before this participant shows as idle ([W47]). */
export const IDLE_AFTER_MS = 60_000;

export interface PadState {
  connection: PadConnection;
  status: PadConnectionStatus;
  pending: number;
  joined: PadParticipant[];
  /** Awareness states by client id, refreshed on every change. */
  states: Map<number, PadAwarenessState>;
  /** Whose each awareness client id is, from the last `participants` event ([A111]). */
  owners: Map<number, PadParticipant>;
  myPresence: 'active' | 'idle' | 'away';
  language: LanguageId;
  /** Who last changed the language, for a moment's notice. */
  languageBy: string | undefined;
  runs: PadRun[];
  ended: { by: string; at: string } | undefined;
  canEdit: boolean;
  /** The socket closed for good: what to tell the person. */
  closed: string | undefined;
  /** Marks input now (the editor calls it on every keystroke / selection change). */
  touch: () => void;
  setLanguage: (language: LanguageId) => void;
  addRun: (run: PadRun) => void;
}

function socketUrl(padId: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/pads/${padId}/socket`;
}

/** One connection for as long as the page shows this pad; made in an effect so a re-mount makes a fresh one. */
export function usePadConnection(padId: string | undefined): PadConnection | undefined {
  const [connection, setConnection] = useState<PadConnection>();
  useEffect(() => {
    if (!padId) return;
    const made = new PadConnection({ url: socketUrl(padId) });
    setConnection(made);
    return () => {
      made.destroy();
      setConnection(undefined);
    };
  }, [padId]);
  return connection;
}

/**
 * The page's live side of a pad ([W45]–[W52]): one PadConnection for the page's life, its status and
 * pending edits, who is there and how present, the language, the runs, and the end.
 */
export function usePad(view: PadView, connection: PadConnection): PadState {
  const [status, setStatus] = useState<PadConnectionStatus>(connection.status);
  const [pending, setPending] = useState(0);
  const [joined, setJoined] = useState<PadParticipant[]>([]);
  const [states, setStates] = useState(() => new Map<number, PadAwarenessState>());
  const [owners, setOwners] = useState(() => new Map<number, PadParticipant>());
  const [myPresence, setMyPresence] = useState<'active' | 'idle' | 'away'>(() =>
    ownPresence(document.hidden, 0, IDLE_AFTER_MS),
  );
  const [language, setLanguage] = useState<LanguageId>(view.pad.language);
  const [languageBy, setLanguageBy] = useState<string>();
  const [runs, setRuns] = useState<PadRun[]>(() =>
    [...view.runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  );
  const [ended, setEnded] = useState<{ by: string; at: string } | undefined>(() =>
    view.pad.status === 'ended' ? { by: '', at: view.pad.endedAt ?? '' } : undefined,
  );
  const [canEdit, setCanEdit] = useState(view.canEdit);
  const [closed, setClosed] = useState<string>();
  const lastInput = useRef(Date.now());

  useEffect(() => {
    const role = view.me.role;
    const offs = [
      connection.on('status', (s) => {
        setStatus(s);
        setPending(connection.pendingCount);
        if (s === 'synced') setClosed(undefined);
      }),
      connection.on('ack', () => setPending(connection.pendingCount)),
      connection.on('closed', ({ code, final }) => {
        const message = closeMessage(code, role);
        if (final || message) setClosed(message ?? 'The connection was closed. Reload the page.');
      }),
      connection.on('event', (event) => {
        switch (event.type) {
          case 'welcome':
            setCanEdit(event.canEdit);
            setLanguage(event.language);
            if (event.status === 'ended') setEnded((e) => e ?? { by: '', at: '' });
            return;
          case 'participants':
            setJoined(joinedFromEvent(event.participants));
            setOwners(cursorOwners(event.participants));
            return;
          case 'language':
            setLanguage(event.language);
            setLanguageBy(event.by);
            return;
          case 'run':
            setRuns((all) => mergeRun(all, event.run));
            return;
          case 'ended':
            setEnded({ by: event.by, at: event.endedAt });
            if (role === 'candidate') setCanEdit(false);
            return;
        }
      }),
    ];
    // Local edits change the pending count without an event of their own.
    const onUpdate = () => setPending(connection.pendingCount);
    connection.code.on('update', onUpdate);
    connection.notes.on('update', onUpdate);
    const onAwareness = () => setStates(new Map(connection.awareness.getStates() as Map<number, PadAwarenessState>));
    connection.awareness.on('change', onAwareness);
    onAwareness();
    return () => {
      for (const off of offs) off();
      connection.code.off('update', onUpdate);
      connection.notes.off('update', onUpdate);
      connection.awareness.off('change', onAwareness);
    };
  }, [connection, view.me.role]);

  // Presence ([W47]): active on input, idle after a minute without, away while the tab is hidden; the
  // tab's visibility is also an event of its own for playback.
  useEffect(() => {
    let current: 'active' | 'idle' | 'away' | undefined;
    const update = () => {
      const next = ownPresence(document.hidden, Date.now() - lastInput.current, IDLE_AFTER_MS);
      if (next === current) return;
      const first = current === undefined;
      current = next;
      setMyPresence(next);
      connection.awareness.setLocalStateField('presence', next);
      if (!first) connection.sendEvent({ type: 'presence', presence: next });
    };
    const onVisibility = () => {
      connection.sendEvent({ type: 'tab', visible: !document.hidden });
      if (!document.hidden) lastInput.current = Date.now();
      update();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(update, 5_000);
    update();
    touchRef.current = () => {
      lastInput.current = Date.now();
      if (current !== 'active') update();
    };
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
    };
  }, [connection]);
  const touchRef = useRef(() => {});

  return {
    connection,
    status,
    pending,
    joined,
    states,
    owners,
    myPresence,
    language,
    languageBy,
    runs,
    ended,
    canEdit: canEdit && !(ended && view.me.role === 'candidate'),
    closed,
    touch: () => touchRef.current(),
    setLanguage,
    addRun: (run) => setRuns((all) => mergeRun(all, run)),
  };
}
