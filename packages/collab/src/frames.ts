import {
  PAD_DOC,
  PAD_FRAME,
  PAD_ORIGIN,
  type PadClientEvent,
  type PadDoc,
  type PadOrigin,
  type PadServerEvent,
} from '@assay/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

// The byte layout of the pad socket's frames ([A102]), written once for the server, the browser and
// the benches. Every frame starts with its PAD_FRAME type as a varUint.

/** A frame this side cannot read: the sender broke the protocol (the server closes with PAD_BAD_FRAME). */
export class FrameError extends Error {
  override name = 'FrameError';
}

export type Frame =
  /** `decoder` is positioned at the y-protocols sync message; read it with `y-protocols/sync`. */
  | { type: typeof PAD_FRAME.SYNC; doc: PadDoc; decoder: decoding.Decoder }
  | { type: typeof PAD_FRAME.AWARENESS; update: Uint8Array }
  | { type: typeof PAD_FRAME.UPDATE; doc: PadDoc; seq: number; origin: PadOrigin; update: Uint8Array }
  | { type: typeof PAD_FRAME.ACK; doc: PadDoc; seq: number }
  | { type: typeof PAD_FRAME.EVENT; json: unknown };

const DOCS = new Set<number>(Object.values(PAD_DOC));
const ORIGINS = new Set<number>(Object.values(PAD_ORIGIN));

function readDoc(decoder: decoding.Decoder): PadDoc {
  const doc = decoding.readVarUint(decoder);
  if (!DOCS.has(doc)) throw new FrameError(`unknown document ${doc}`);
  return doc as PadDoc;
}

/** Reads a frame's header (and, but for SYNC, its body); throws FrameError on anything malformed. */
export function decodeFrame(bytes: Uint8Array): Frame {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case PAD_FRAME.SYNC:
        return { type, doc: readDoc(decoder), decoder };
      case PAD_FRAME.AWARENESS:
        return { type, update: decoding.readVarUint8Array(decoder) };
      case PAD_FRAME.UPDATE: {
        const doc = readDoc(decoder);
        const seq = decoding.readVarUint(decoder);
        const origin = decoding.readVarUint(decoder);
        if (!ORIGINS.has(origin)) throw new FrameError(`unknown origin ${origin}`);
        return { type, doc, seq, origin: origin as PadOrigin, update: decoding.readVarUint8Array(decoder) };
      }
      case PAD_FRAME.ACK:
        return { type, doc: readDoc(decoder), seq: decoding.readVarUint(decoder) };
      case PAD_FRAME.EVENT:
        return { type, json: JSON.parse(decoding.readVarString(decoder)) };
      default:
        throw new FrameError(`unknown frame type ${type}`);
    }
  } catch (error) {
    if (error instanceof FrameError) throw error;
    throw new FrameError(`malformed frame: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** SYNC step 1: "here is my state vector; send me what I lack". */
export const encodeSyncStep1 = (doc: PadDoc, ydoc: Y.Doc) =>
  frame(PAD_FRAME.SYNC, (e) => {
    encoding.writeVarUint(e, doc);
    syncProtocol.writeSyncStep1(e, ydoc);
  });

/** SYNC step 2: what the peer lacks, given its state vector. */
export const encodeSyncStep2 = (doc: PadDoc, ydoc: Y.Doc, stateVector?: Uint8Array) =>
  frame(PAD_FRAME.SYNC, (e) => {
    encoding.writeVarUint(e, doc);
    syncProtocol.writeSyncStep2(e, ydoc, stateVector);
  });

/** SYNC update: an update the server relays to the other participants. */
export const encodeSyncUpdate = (doc: PadDoc, update: Uint8Array) =>
  frame(PAD_FRAME.SYNC, (e) => {
    encoding.writeVarUint(e, doc);
    syncProtocol.writeUpdate(e, update);
  });

export const encodeAwareness = (update: Uint8Array) =>
  frame(PAD_FRAME.AWARENESS, (e) => encoding.writeVarUint8Array(e, update));

/** A client's local edit, numbered so the server can acknowledge it once stored. */
export const encodeUpdate = (doc: PadDoc, seq: number, origin: PadOrigin, update: Uint8Array) =>
  frame(PAD_FRAME.UPDATE, (e) => {
    encoding.writeVarUint(e, doc);
    encoding.writeVarUint(e, seq);
    encoding.writeVarUint(e, origin);
    encoding.writeVarUint8Array(e, update);
  });

/** "Every UPDATE of this connection numbered up to `seq` is stored." */
export const encodeAck = (doc: PadDoc, seq: number) =>
  frame(PAD_FRAME.ACK, (e) => {
    encoding.writeVarUint(e, doc);
    encoding.writeVarUint(e, seq);
  });

export const encodeEvent = (event: PadServerEvent | PadClientEvent) =>
  frame(PAD_FRAME.EVENT, (e) => encoding.writeVarString(e, JSON.stringify(event)));
