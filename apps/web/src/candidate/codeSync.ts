import type { LanguageId, SaveCodeBody, SaveCodeResponse } from '@assay/contracts';
import { ApiError, api, NetworkError } from '../api/client.ts';

/** What the save indicator shows. */
export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'saving' }
  | { kind: 'pending' }
  | { kind: 'offline' }
  | { kind: 'closed' }
  | { kind: 'error'; message: string };

interface Draft {
  code: string;
  /** Not yet accepted by the server. */
  dirty: boolean;
}

const DEBOUNCE_MS = 600;
/** Typing without a pause still reaches the server this often. */
const MAX_WAIT_MS = 5000;
const RETRY_MS = 3000;

/**
 * Autosave that never loses an edit: every change is written to localStorage at once (so a reload or a
 * crash keeps it) and sent to the server, debounced. When the server cannot be reached the drafts stay
 * dirty and are sent when the connection returns.
 */
export class CodeSync {
  private readonly drafts = new Map<string, Draft>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  /** When the oldest edit not yet sent was made. */
  private pendingSince: number | undefined;
  private state: SaveState = { kind: 'saved', at: null };
  private readonly onOnline = () => this.schedule(0);

  constructor(
    private readonly attemptId: string,
    private readonly onState: (state: SaveState) => void,
  ) {}

  /** Starts sending when the browser comes back online; returns how to stop (and can start again). */
  start(): () => void {
    window.addEventListener('online', this.onOnline);
    if (this.hasPending()) this.schedule(0);
    return () => {
      clearTimeout(this.timer);
      window.removeEventListener('online', this.onOnline);
    };
  }

  private storageKey(position: number, language: LanguageId) {
    return `assay.draft.${this.attemptId}.${position}.${language}`;
  }

  /** An edit made in this browser that the server has not confirmed, if any (survives reloads). */
  unsaved(position: number, language: LanguageId): string | undefined {
    const key = this.storageKey(position, language);
    const draft = this.drafts.get(key) ?? readDraft(key);
    return draft?.dirty ? draft.code : undefined;
  }

  /** Records an edit: kept locally now, sent to the server shortly. */
  edit(position: number, language: LanguageId, code: string): void {
    if (this.state.kind === 'closed') return;
    const key = this.storageKey(position, language);
    const draft = { code, dirty: true };
    this.drafts.set(key, draft);
    writeDraft(key, draft);
    if (this.state.kind !== 'offline' && this.state.kind !== 'error') this.setState({ kind: 'pending' });
    this.pendingSince ??= Date.now();
    this.schedule(Math.max(0, Math.min(DEBOUNCE_MS, this.pendingSince + MAX_WAIT_MS - Date.now())));
  }

  /** Re-sends drafts a previous page left unsaved (offline edits before a reload). */
  adopt(position: number, language: LanguageId, code: string): void {
    this.edit(position, language, code);
  }

  hasPending(): boolean {
    return [...this.drafts.values()].some((d) => d.dirty);
  }

  /** Sends every dirty draft now; resolves when done or when the server cannot take them. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.flushing ??= this.sendAll().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private setState(state: SaveState) {
    this.state = state;
    this.onState(state);
  }

  private async sendAll(): Promise<void> {
    this.pendingSince = undefined;
    for (const [key, draft] of this.drafts) {
      if (!draft.dirty) continue;
      const [position, language] = key.split('.').slice(-2) as [string, LanguageId];
      const code = draft.code;
      this.setState({ kind: 'saving' });
      try {
        const { savedAt } = await api<SaveCodeResponse>('PUT', `/api/attempt/tasks/${position}/code`, {
          language,
          code,
        } satisfies SaveCodeBody);
        // An edit made while this save was in flight stays dirty and goes next.
        if (this.drafts.get(key) === draft) {
          draft.dirty = false;
          writeDraft(key, draft);
        }
        this.setState({ kind: 'saved', at: new Date(savedAt) });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          this.setState({ kind: 'closed' });
          return;
        }
        if (
          error instanceof NetworkError ||
          (error instanceof ApiError && (error.status >= 500 || error.status === 429))
        ) {
          this.setState({ kind: 'offline' });
          this.schedule(RETRY_MS);
          return;
        }
        this.setState({ kind: 'error', message: (error as Error).message });
        return;
      }
    }
    if (this.hasPending()) this.schedule(0);
  }
}

function readDraft(key: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(key: string, draft: Draft) {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server copy still works; only offline protection is lost.
  }
}
