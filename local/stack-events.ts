/** Resource and stack statuses as ROS names them. */
export type ResourceStatus =
  | 'CREATE_IN_PROGRESS'
  | 'CREATE_COMPLETE'
  | 'CREATE_FAILED'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_COMPLETE'
  | 'UPDATE_FAILED'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_COMPLETE'
  | 'DELETE_FAILED'
  | 'DELETE_SKIPPED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_COMPLETE'
  | 'ROLLBACK_FAILED'
  | 'UPDATE_ROLLBACK_IN_PROGRESS'
  | 'UPDATE_ROLLBACK_COMPLETE'
  | 'UPDATE_ROLLBACK_FAILED'
  | 'CHECK_COMPLETE';

export interface StackEvent {
  time: string;
  stack: string;
  logicalId: string;
  type: string;
  status: ResourceStatus;
  physicalId?: string;
  reason?: string;
}

export type EventSink = (event: StackEvent) => void;

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function line(e: StackEvent): string {
  const id = e.physicalId ? `  ${e.physicalId}` : '';
  const reason = e.reason ? `  ${e.reason}` : '';
  return `${e.time}  ${e.status.padEnd(28)}${e.logicalId.padEnd(20)} ${e.type}${id}${reason}`;
}

/**
 * Prints stack events: one plain line each when the output is not a terminal; on a terminal, an
 * in-progress resource shows a spinner that its final status replaces.
 */
export function createEventPrinter(
  write: (text: string) => void,
  isTTY: boolean,
): { sink: EventSink; stop(): void } {
  let live: { event: StackEvent; timer: NodeJS.Timeout; frame: number } | undefined;
  const clearLive = () => {
    if (!live) return;
    clearInterval(live.timer);
    write('\r\x1b[2K');
    live = undefined;
  };
  const sink: EventSink = (event) => {
    if (!isTTY) {
      write(`${line(event)}\n`);
      return;
    }
    clearLive();
    if (event.status.endsWith('_IN_PROGRESS')) {
      const state = {
        event,
        frame: 0,
        timer: setInterval(() => {
          state.frame = (state.frame + 1) % SPINNER.length;
          write(`\r\x1b[2K${SPINNER[state.frame]} ${line(event)}`);
        }, 80),
      };
      state.timer.unref();
      live = state;
      write(`${SPINNER[0]} ${line(event)}`);
      return;
    }
    write(`${event.status.endsWith('FAILED') ? '✖' : '✔'} ${line(event)}\n`);
  };
  return { sink, stop: clearLive };
}
