import type { Language } from "./index";

const LOCALES: Record<Language, string> = { he: "he-IL", en: "en-GB" };

/** The default zone of meetings (the API stores UTC and gives each meeting its IANA zone). */
export const DEFAULT_TIMEZONE = "Asia/Jerusalem";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[lang], options);
    cache.set(key, found);
  }
  return found;
}

function validZone(timezone: string | null | undefined): string {
  if (!timezone) return DEFAULT_TIMEZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    return timezone;
  } catch {
    return DEFAULT_TIMEZONE;
  }
}

/**
 * A moment (ISO 8601 with offset, as the API sends) shown as wall-clock time in `timezone` — the
 * meeting's zone, not the browser's — with the zone's name, e.g. "Wed 9 Dec 2026, 10:00 Israel Time".
 */
export function formatDateTime(
  iso: string,
  timezone: string | null | undefined,
  lang: Language,
  { withZone = true }: { withZone?: boolean } = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(lang, {
    timeZone: validZone(timezone),
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    // "Israel Time" / "שעון ישראל", in the UI's language: a name people know, not "GMT+2".
    ...(withZone ? { timeZoneName: "longGeneric" as const } : {}),
  }).format(date);
}

/** Only the time of day in `timezone`, e.g. "13:00". */
export function formatTime(
  iso: string,
  timezone: string | null | undefined,
  lang: Language,
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(lang, {
    timeZone: validZone(timezone),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** A calendar date ("2026-12-11", no time, no zone) — never shifted by the browser's zone. */
export function formatDate(isoDate: string, lang: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatter(lang, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}

/** The calendar day of a moment in `timezone`, e.g. "22 Jun 2025" (for "adopted on …"). */
export function formatDay(
  iso: string,
  timezone: string | null | undefined,
  lang: Language,
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(lang, {
    timeZone: validZone(timezone),
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(date);
}

/** The zone's name in the UI's language, e.g. "Israel Time" / "שעון ישראל". */
export function formatZoneName(
  iso: string,
  timezone: string | null | undefined,
  lang: Language,
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return validZone(timezone);
  const parts = formatter(lang, { timeZone: validZone(timezone), timeZoneName: "longGeneric" });
  return (
    parts.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? validZone(timezone)
  );
}
