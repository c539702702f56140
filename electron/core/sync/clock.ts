/**
 * This node's wall clock. RC_CLOCK_OFFSET_MS shifts it: a test hook for the clock-drift fault
 * scenario (a node whose clock runs fast), read once at start.
 */
export function wallClock(): () => number {
  const offset = Number(process.env.RC_CLOCK_OFFSET_MS ?? 0);
  return Number.isFinite(offset) && offset !== 0 ? () => Date.now() + offset : Date.now;
}
