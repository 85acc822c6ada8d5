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

export interface TestResult {
  id: string;
  kind: 'sample' | 'hidden' | 'custom';
  verdict: string;
  cpuMs: number;
  wallMs: number;
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
