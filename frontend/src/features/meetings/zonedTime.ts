/**
 * Wall-clock times in a meeting's IANA zone, for `<input type="datetime-local">` (which knows no
 * zone): "2026-12-09T10:00" in Asia/Jerusalem ⇄ the UTC instant the API stores.
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let found = partsCache.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    partsCache.set(timeZone, found);
  }
  return found;
}

function wallParts(epochMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs)))
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  return parts as Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = wallParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-09T10:00" on the wall clock of `timeZone` → ISO instant in UTC; null if malformed. */
export function wallTimeToUtc(wall: string, timeZone: string): string | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The offset at the naive guess, then once more at the corrected instant (DST edges).
  let utc = naive - zoneOffsetMs(naive, timeZone);
  utc = naive - zoneOffsetMs(utc, timeZone);
  return new Date(utc).toISOString();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant → "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone`. */
export function utcToWallTime(iso: string | number | Date, timeZone: string): string {
  const p = wallParts(new Date(iso).getTime(), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
