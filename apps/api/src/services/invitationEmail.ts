import nodemailer from 'nodemailer';

// [A92] Invitations by email, when SMTP_URL is set: one message per candidate with the link, the
// expiry and the duration, in plain text and HTML. A message the server refuses never undoes an
// invitation: the caller reports which addresses failed and the link can still be copied.

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Messages sent at once: a pooled transport over a few connections, gentle on the mail server. */
const CONCURRENCY = 5;
/** How long one message may take (connect, greet, send) before it counts as failed. */
const TIMEOUT_MS = 10_000;

export function createMailer(options: { smtpUrl: string; from: string }): Mailer {
  const url = new URL(options.smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: CONCURRENCY,
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
    close() {
      transport.close();
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

function expiryText(expiresAt: string | null): string {
  if (!expiresAt) return 'The link does not expire.';
  const date = new Date(expiresAt).toUTCString().replace(/:\d\d GMT$/, ' UTC');
  return `The link is valid until ${date}.`;
}

/** The invitation (or reminder) a candidate receives. */
export function invitationMessage(input: {
  name: string;
  email: string;
  title: string;
  durationMinutes: number;
  link: string;
  expiresAt: string | null;
  reminder?: boolean;
}): MailMessage {
  const opening = input.reminder
    ? `A reminder: you are invited to take the coding assessment "${input.title}", which you have not started yet.`
    : `You are invited to take the coding assessment "${input.title}".`;
  const timing = `It takes ${input.durationMinutes} minutes once you press Start; you can open the link and read the rules first.`;
  const expiry = expiryText(input.expiresAt);
  const text = [`Hello ${input.name},`, '', opening, timing, expiry, '', `Open it here: ${input.link}`, ''].join('\n');
  const html = `<p>Hello ${escapeHtml(input.name)},</p>
<p>${escapeHtml(opening)}</p>
<p>${escapeHtml(timing)} ${escapeHtml(expiry)}</p>
<p><a href="${escapeHtml(input.link)}">Open the assessment</a></p>
<p style="color:#666">Or copy this link: ${escapeHtml(input.link)}</p>`;
  return {
    to: input.email,
    subject: `${input.reminder ? 'Reminder: ' : ''}Your coding assessment: ${input.title}`,
    text,
    html,
  };
}

/** Sends every message, a few at a time; answers the ones that failed and why. */
export async function sendAll(mailer: Mailer, messages: MailMessage[]): Promise<{ email: string; message: string }[]> {
  const failures: { email: string; message: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const message = messages[next++] as MailMessage;
      try {
        await mailer.send(message);
      } catch (error) {
        failures.push({ email: message.to, message: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, messages.length) }, worker));
  return failures;
}
