// What the API sends the candidate's page: mirrors apps/api/src/routes/schemas.ts (the API validates its
// responses against those schemas, so these shapes hold).

export type Language = 'javascript' | 'typescript';

export interface InvitationSummary {
  candidateName: string;
  title: string;
  description: string;
  durationMinutes: number;
  taskCount: number;
  languages: Language[];
  proctoring: { fullscreen: boolean; recordEvents: boolean };
  status: 'not_started' | 'in_progress' | 'finished';
  expiresAt: string;
}

export interface Task {
  position: number;
  title: string;
  difficulty: string;
  points: number;
  statement: string;
  signature: { functionName: string; params: { name: string; type: string }[]; returnType: string };
  starter: Partial<Record<Language, string>>;
  samples: { id: string; input: string; expected: string }[];
  code: Partial<Record<Language, string>>;
  language: Language | null;
  bestScore: number | null;
  /**
   * The judge's limits as the candidate should read them: CPU time per test and memory ([W12]). Optional
   * until every API sends it.
   */
  limits?: { timeMs: number; memoryMb: number };
  /** The task's latest run and submission, so a reload shows them at once ([W15]). Optional as above. */
  latest?: { run: Submission | null; submit: Submission | null };
}

export interface AttemptView {
  serverTime: string;
  attempt: {
    id: string;
    status: 'not_started' | 'in_progress' | 'finished';
    startedAt: string | null;
    deadline: string | null;
    finishedAt: string | null;
    finishReason: 'candidate' | 'deadline' | null;
  };
  candidate: { name: string };
  assessment: {
    title: string;
    description: string;
    durationMinutes: number;
    languages: Language[];
    proctoring: { fullscreen: boolean; recordEvents: boolean };
    taskCount: number;
    totalPoints: number;
  };
  tasks: Task[];
}

/** How much of the time limit a hidden test used: all a candidate learns of its time ([A12]). */
export type TimeBucket = '<25%' | '<50%' | '<100%' | '>100%';

export interface TestResult {
  id: string;
  kind: 'sample' | 'hidden' | 'custom';
  verdict: string;
  /** Absent on hidden tests for the candidate, who gets `timeBucket` instead. */
  cpuMs?: number;
  wallMs?: number;
  timeBucket?: TimeBucket;
  output: string;
  outputTruncated: boolean;
  message?: string;
  stack?: string;
  input?: string;
  expected?: string;
  actual?: string;
}

export interface Submission {
  id: string;
  position: number;
  language: Language;
  mode: 'run' | 'submit';
  automatic: boolean;
  status: 'queued' | 'running' | 'done';
  verdict: string | null;
  score: number | null;
  createdAt: string;
  judgedAt: string | null;
  report: {
    verdict: string;
    score: number;
    passed: number;
    total: number;
    tests: TestResult[];
    compileError?: { message: string; line: number; column: number };
    message?: string;
  } | null;
}

/** What the live WebSocket pushes ([A16] in apps/api/SPEC.md). */
export type LiveMessage =
  | { type: 'time'; serverTime: string }
  | {
      type: 'submission';
      submissionId: string;
      position: number;
      mode: 'run' | 'submit';
      status: 'queued' | 'running' | 'done';
      verdict?: string;
      score?: number;
    };

/**
 * Close codes of the live WebSocket that the page acts on ([W19]; the API's side is in apps/api/SPEC.md).
 * 1009 is the standard "message too big"; 4429 means this session holds too many sockets already.
 */
export const LIVE_CLOSE = {
  messageTooBig: 1009,
  tooManySockets: 4429,
} as const;
export type LiveCloseCode = (typeof LIVE_CLOSE)[keyof typeof LIVE_CLOSE];
