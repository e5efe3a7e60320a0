import { formatDateTime, formatTime, formatZoneName } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";

/**
 * "Wed 9 Dec 2026, 10:00 – 13:00 Israel Time" in the meeting's zone, in the UI's language. Each
 * part is isolated (<bdi>) so the date, the times and the zone do not reorder each other in
 * right-to-left text.
 */
export function MeetingWhen({
  startsAt,
  endsAt,
  timezone,
}: {
  startsAt: string;
  endsAt: string;
  timezone: string;
}) {
  const lang = useLang();
  return (
    <>
      <bdi>{formatDateTime(startsAt, timezone, lang, { withZone: false })}</bdi>
      {" – "}
      <bdi>{formatTime(endsAt, timezone, lang)}</bdi>{" "}
      <bdi>{formatZoneName(startsAt, timezone, lang)}</bdi>
    </>
  );
}
