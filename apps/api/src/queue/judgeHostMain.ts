// The embedded judge's own process ([A29]): a Judge (and its sandbox processes) outside the API's
// thread. Problem specs arrive once each; judge requests name the spec they use.
import {
  Judge,
  type JudgeRequest,
  LanguageUnavailableError,
  type ProblemSpec,
  type SandboxSettings,
} from '@assay/judge';
import type { HostMessage, HostReply } from './JudgeHost.ts';

const send = (reply: HostReply) => process.send?.(reply);
// The concurrency and the sandbox settings ([J62], JSON) come as arguments from JudgeHost, which has
// them from the API's config; packages never read process.env ([A1]).
const sandbox = JSON.parse(process.argv[3] ?? '{}') as Partial<SandboxSettings>;
const judge = new Judge({ concurrency: Number(process.argv[2]) || 1, sandbox });
const specs = new Map<number, ProblemSpec>();

process.on('message', (message: HostMessage) => {
  if (message.type === 'spec') {
    specs.set(message.specId, message.spec);
    return;
  }
  const problem = specs.get(message.specId);
  if (!problem) {
    send({ type: 'failed', requestId: message.requestId, message: `spec ${message.specId} was never sent` });
    return;
  }
  const request: JudgeRequest = { ...message.request, problem };
  judge.judge(request).then(
    (report) => send({ type: 'report', requestId: message.requestId, report }),
    (error: unknown) =>
      send({
        type: 'failed',
        requestId: message.requestId,
        message: error instanceof Error ? error.message : String(error),
        // [A132] Said as such, so the processor stores the reason instead of trying again.
        ...(error instanceof LanguageUnavailableError
          ? { unavailable: { language: error.language, reason: error.reason } }
          : {}),
      }),
  );
});
process.on('disconnect', () => {
  void judge.close().finally(() => process.exit(0));
});

await judge.warmUp();
send({ type: 'ready' });
