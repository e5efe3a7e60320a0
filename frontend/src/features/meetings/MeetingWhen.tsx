import { formatDateTime, formatTime } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";

/**
 * "Wed 9 Dec 2026, 10:00 GMT+2 – 13:00" in the meeting's zone. Each part is isolated (<bdi>) so
 * the Hebrew date and the Latin zone name do not reorder each other in right-to-left text.
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
      <bdi>{formatDateTime(startsAt, timezone, lang)}</bdi>
      {" – "}
      <bdi>{formatTime(endsAt, timezone, lang)}</bdi>
    </>
  );
}
