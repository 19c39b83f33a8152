/**
 * Wires a child thread or process to its parent: a MessageEndpoint whose trace
 * records travel to the recorder over the same ordered channel, and which announces
 * itself with a hello frame once its handlers are installed. Frames go out packed.
 */
import { ChannelTraceSink } from '../../shared/ipc/channelTraceSink.js';
import type { EndpointInfo } from '../../shared/ipc/endpoints.js';
import { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import { checkFrame, packFrame } from '../../shared/ipc/messageEnvelope.js';
import type { TraceRecord } from '../../shared/trace/traceEvent.js';
import { monotonicMicros } from './monotonicClock.js';
import type { ParentPort } from './parentPort.js';

export class ChildEndpoint {
  readonly endpoint: MessageEndpoint;
  readonly sink: ChannelTraceSink<TraceRecord>;

  constructor(
    readonly info: EndpointInfo,
    private readonly port: ParentPort,
  ) {
    this.sink = new ChannelTraceSink<TraceRecord>({ post: (frame) => port.post(packFrame(frame)) });
    this.endpoint = new MessageEndpoint(info, this.sink.orderedPort(), this.sink, monotonicMicros);
  }

  /** Starts receiving. Call after every handler is registered. */
  start(): void {
    this.port.onMessage((raw) => {
      const check = checkFrame(raw);
      if (!check.ok) {
        this.endpoint.reject(monotonicMicros(), null, null, `malformed frame: ${check.reason}`);
        return;
      }
      if (check.frame.kind === 'message') this.endpoint.deliver(check.frame.envelope);
      else
        this.endpoint.reject(
          monotonicMicros(),
          null,
          null,
          `unexpected ${check.frame.kind} frame from the browser process`,
        );
    });
    this.port.post(packFrame({ kind: 'hello', endpoint: this.info }));
  }

  flush(): void {
    this.sink.flush();
  }
}
