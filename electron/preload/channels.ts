/**
 * The one IPC channel main pushes events on, as `{ event, payload }`. Calls use the contract's
 * method names as channels. Lives here because the preload may import nothing from electron/main;
 * main imports it from here (it would sit well in shared/ipc/contract.ts).
 */
export const EVENT_CHANNEL = 'console:event';

/** The message sent on EVENT_CHANNEL: an event name from the contract and its payload, nothing else. */
export interface EventMessage {
  event: string;
  payload: unknown;
}
