import type { SpeakingReport } from "./api";

export interface SectorBalance {
  sectorId: string;
  seconds: number;
  share: number;
}

/**
 * Speaking time per sector: the last report from the API plus turns not yet in it (being saved,
 * or running now). Shares are of the combined total; sectors without time are left out.
 */
export function sectorBalance(
  report: Pick<SpeakingReport, "by_sector"> | undefined,
  extra: { sectorId: string; seconds: number }[],
): SectorBalance[] {
  const seconds = new Map<string, number>();
  for (const row of report?.by_sector ?? [])
    seconds.set(row.key_id, (seconds.get(row.key_id) ?? 0) + row.seconds);
  for (const turn of extra)
    if (turn.seconds > 0)
      seconds.set(turn.sectorId, (seconds.get(turn.sectorId) ?? 0) + turn.seconds);
  const total = [...seconds.values()].reduce((a, b) => a + b, 0);
  return [...seconds.entries()]
    .filter(([, s]) => s > 0)
    .map(([sectorId, s]) => ({ sectorId, seconds: s, share: total ? s / total : 0 }))
    .sort((a, b) => b.seconds - a.seconds);
}

/** 75 → "1:15"; 3725 → "1:02:05". Digits only, so it reads the same in either direction. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
