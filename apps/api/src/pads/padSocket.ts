import { CLOSE_CODES, PAD_LIMITS, type PadParticipant } from '@assay/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { RawData } from 'ws';
import { pads } from '../db/schema.ts';
import type { LivePad, PadClient } from './LivePad.ts';
import type { PadHub } from './PadHub.ts';
import {
  ensureStaffParticipant,
  PAD_COOKIE,
  participantOfToken,
  participantsOf,
  toPadParticipant,
} from './participants.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * [A102] The pad's socket, `GET /api/pads/:id/socket`: authenticated from cookies at the upgrade (a
 * staff session joins as interviewer, the pad's participant cookie as that candidate), then binary
 * frames as `@assay/collab` writes them. Refusals are a socket accepted and closed at once with a
 * CLOSE_CODES code and a reason saying what to do.
 */
export const padSocketRoutes: FastifyPluginAsync<{ hub: PadHub }> = async (app, { hub }) => {
  app.get<{ Params: { id: string } }>('/api/pads/:id/socket', { websocket: true }, (socket, request) => {
    // Frames that come while the pad loads wait for it, in order.
    let waiting: { data: RawData; isBinary: boolean }[] | undefined = [];
    let onMessage: ((data: RawData, isBinary: boolean) => void) | undefined;
    let closed = false;
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (onMessage) onMessage(data, isBinary);
      else waiting?.push({ data, isBinary });
    });
    socket.on('close', () => {
      closed = true;
    });
    const refuse = (code: number, reason: string) => {
      waiting = undefined;
      socket.close(code, reason);
    };

    void (async () => {
      const padId = request.params.id;
      const staff = request.staff;
      const token = request.cookies[PAD_COOKIE];
      if (!staff && !token) {
        refuse(CLOSE_CODES.NOT_SIGNED_IN, 'sign in, or open the pad’s link again to join it');
        return;
      }
      const [pad] = UUID.test(padId)
        ? await app.db.select({ status: pads.status, language: pads.language }).from(pads).where(eq(pads.id, padId))
        : [];
      if (!pad) {
        refuse(CLOSE_CODES.PAD_NOT_FOUND, 'there is no such pad: check the link');
        return;
      }
      let participant: PadParticipant;
      if (staff) {
        participant = toPadParticipant(await ensureStaffParticipant(app.db, padId, staff));
      } else {
        const row = await participantOfToken(app.db, token as string);
        if (!row) {
          refuse(CLOSE_CODES.NOT_SIGNED_IN, 'your place in this pad is unknown: open the pad’s link again');
          return;
        }
        if (row.padId !== padId) {
          refuse(CLOSE_CODES.FORBIDDEN, 'you joined another pad: open this pad’s own link');
          return;
        }
        participant = toPadParticipant(row);
      }
      const live: LivePad = await hub.open(padId, pad, async () =>
        (await participantsOf(app.db, padId)).map(toPadParticipant),
      );
      // [A112] Sockets per pad and per participant (here, in this instance).
      const limit =
        live.clients.size >= PAD_LIMITS.socketsPerPad
          ? `at most ${PAD_LIMITS.socketsPerPad} connections to one pad`
          : live.socketsOf(participant.id) >= PAD_LIMITS.socketsPerParticipant
            ? `at most ${PAD_LIMITS.socketsPerParticipant} connections per person: close another tab`
            : undefined;
      if (closed || limit) {
        if (limit) refuse(CLOSE_CODES.TOO_MANY_SOCKETS, limit);
        hub.released(live);
        return;
      }
      const client: PadClient = {
        socket,
        participant,
        staff: Boolean(staff),
        clientIds: new Set(),
        tokens: PAD_LIMITS.framesBurst,
        refilledAt: performance.now(),
        eventsWindowStart: Date.now(),
        eventsInWindow: 0,
        alive: true,
      };
      live.join(client);
      socket.on('pong', () => {
        client.alive = true;
      });
      socket.on('close', () => {
        live.leave(client);
        hub.released(live);
      });
      onMessage = (data, isBinary) => {
        if (!isBinary) {
          live.close(client, CLOSE_CODES.PAD_BAD_FRAME, 'bad frame: the pad socket takes binary frames only');
          hub.released(live);
          return;
        }
        try {
          live.receive(client, bytesOf(data));
        } catch (error) {
          // A frame the pad could not handle must not take the process down with every other pad.
          request.log.error({ err: error, padId }, 'a pad frame failed');
          live.close(client, CLOSE_CODES.PAD_BAD_FRAME, 'bad frame: the server could not apply it');
        }
        if (!live.clients.has(client)) hub.released(live);
      };
      for (const { data, isBinary } of waiting ?? []) onMessage(data, isBinary);
      waiting = undefined;
    })().catch((error: unknown) => {
      request.log.error({ err: error }, 'the pad socket failed to open');
      if (!closed) socket.close(CLOSE_CODES.SERVER_RESTART, 'the server could not open the pad: try again in a moment');
    });
  });
};
