/** Hall clocks show Beijing time whatever the wall PC's own zone is set to. */
const BEIJING = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** `2026-12-01 18:05:09` in Beijing time. */
export function beijingTime(date: Date): string {
  const part = Object.fromEntries(BEIJING.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour === '24' ? '00' : part.hour}:${part.minute}:${part.second}`;
}

/** The newest of the times given (ISO or epoch ms), as epoch ms, or null. */
export function newest(...times: (string | number | null | undefined)[]): number | null {
  const values = times.map((time) => (typeof time === 'string' ? Date.parse(time) : time ?? NaN)).filter((value) => Number.isFinite(value));
  return values.length > 0 ? Math.max(...values) : null;
}
