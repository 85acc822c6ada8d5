import { PAD_DOC, PAD_FRAME, PAD_ORIGIN } from '@assay/contracts';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeFrame,
  encodeAck,
  encodeAwareness,
  encodeEvent,
  encodeSyncStep1,
  encodeSyncUpdate,
  encodeUpdate,
  FrameError,
} from './frames.ts';

describe('[A102] pad socket frames', () => {
  it('round-trips every frame type', () => {
    const doc = new Y.Doc();
    doc.getText('code').insert(0, 'hello');
    const update = Y.encodeStateAsUpdate(doc);

    const sent = decodeFrame(encodeUpdate(PAD_DOC.NOTES, 7, PAD_ORIGIN.PASTE, update));
    expect(sent).toMatchObject({ type: PAD_FRAME.UPDATE, doc: PAD_DOC.NOTES, seq: 7, origin: PAD_ORIGIN.PASTE });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (sent as { update: Uint8Array }).update);
    expect(copy.getText('code').toString()).toBe('hello');

    expect(decodeFrame(encodeAck(PAD_DOC.CODE, 41))).toEqual({ type: PAD_FRAME.ACK, doc: PAD_DOC.CODE, seq: 41 });
    expect(decodeFrame(encodeEvent({ type: 'tab', visible: false }))).toEqual({
      type: PAD_FRAME.EVENT,
      json: { type: 'tab', visible: false },
    });
    expect(decodeFrame(encodeAwareness(new Uint8Array([1, 2, 3])))).toEqual({
      type: PAD_FRAME.AWARENESS,
      update: new Uint8Array([1, 2, 3]),
    });

    const step1 = decodeFrame(encodeSyncStep1(PAD_DOC.CODE, doc));
    if (step1.type !== PAD_FRAME.SYNC) throw new Error('not a sync frame');
    expect(decoding.readVarUint(step1.decoder)).toBe(syncProtocol.messageYjsSyncStep1);
    const relayed = decodeFrame(encodeSyncUpdate(PAD_DOC.CODE, update));
    if (relayed.type !== PAD_FRAME.SYNC) throw new Error('not a sync frame');
    expect(decoding.readVarUint(relayed.decoder)).toBe(syncProtocol.messageYjsUpdate);
  });

  it('refuses malformed frames with FrameError, never another error', () => {
    const bad = [
      new Uint8Array([]),
      new Uint8Array([99]),
      new Uint8Array([PAD_FRAME.UPDATE, 5, 1, 0]),
      new Uint8Array([PAD_FRAME.UPDATE, PAD_DOC.CODE, 1, 9, 0]),
      new Uint8Array([PAD_FRAME.UPDATE, PAD_DOC.CODE, 1, 0, 200]),
      new Uint8Array([PAD_FRAME.EVENT, 3, 123, 123, 123]),
    ];
    for (const bytes of bad) expect(() => decodeFrame(bytes)).toThrow(FrameError);
  });
});
