// The live pad's collaboration layer, shared by the API's socket server, the web app and the benches:
// the socket's binary frames ([A102]) and one participant's connection ([A109]).

export {
  decodeFrame,
  encodeAck,
  encodeAwareness,
  encodeEvent,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  encodeUpdate,
  type Frame,
  FrameError,
} from './frames.ts';
export {
  PadConnection,
  type PadConnectionEvents,
  type PadConnectionOptions,
  type PadConnectionStatus,
  type PadSocket,
  REMOTE_ORIGIN,
} from './PadConnection.ts';
export {
  applyOps,
  type DerivedPlayback,
  type DeriveOptions,
  derivePlayback,
  editIndexAt,
  playbackDeriver,
  type StoredPadUpdate,
  textAt,
} from './playback.ts';
