// `pnpm start`: builds the runtime and listens. Everything else lives in runtime.ts and app.ts.
import { languageAvailability } from '@assay/judge';
import { ConfigError, loadConfig } from './config.ts';
import { languageStatusLine } from './languageStatus.ts';
import { createRuntime } from './runtime.ts';

try {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  await runtime.app.listen({ host: config.HOST, port: config.PORT });
  const { boot } = runtime;
  const lines = [
    '',
    `Assay is running at ${config.publicUrl}  (database: ${runtime.databaseKind}, judge queue: ${runtime.queueKind})`,
    `  API docs:        ${config.publicUrl}/docs`,
    // [A140] What this machine judges; without bubblewrap or python3, Python says what to install.
    `  Languages:       ${languageStatusLine(languageAvailability(config.sandbox))}`,
    ...(config.webDist ? [] : ['  Web app:         not built; run pnpm --filter @assay/web build (pnpm start does)']),
    `  Admin login:     ${boot.admin.email}  ${boot.admin.generatedPassword ? `password ${boot.admin.generatedPassword}  (shown once; set ASSAY_ADMIN_PASSWORD to choose it)` : '(password set earlier)'}`,
    boot.demo
      ? `  Candidate link:  ${boot.demo.candidateLink}  (demo assessment; shown once)`
      : '  Candidate links: create them with POST /api/admin/assessments/:id/invitations',
    ...(boot.mlDemo
      ? [
          `  ML assessment:   "${boot.mlDemo.title}", ${boot.mlDemo.tasks} tasks, ready to invite candidates: ${config.publicUrl}/admin/assessments/${boot.mlDemo.assessmentId}`,
        ]
      : []),
    ...(boot.demoPad
      ? [
          `  Interview pad:   ${boot.demoPad.padLink}  (sign in as the admin first)`,
          `  Pad's candidate: ${boot.demoPad.candidateLink}  (links stay on the console's Pads page)`,
        ]
      : []),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  const stop = async (signal: string) => {
    runtime.app.log.info(`${signal}: shutting down`);
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
