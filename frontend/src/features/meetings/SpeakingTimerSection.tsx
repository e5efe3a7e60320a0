import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Loading } from "../../shared/feedback/QueryState";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import {
  useAddSpeakingTurn,
  useAgenda,
  useAttendance,
  useMeetingInvitations,
  useSpeakingReport,
  type Meeting,
} from "./api";
import { hasStarted } from "./permissions";
import { useSectorLookup } from "../../shared/sectors";
import { SpeakingTimerBoard, type TablePerson } from "./SpeakingTimer";

/**
 * The people at the table: the invited seats, or only those marked present once attendance has
 * been taken.
 */
export function SpeakingTimerSection({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const invitations = useMeetingInvitations(meeting.id);
  const attendance = useAttendance(meeting.id, hasStarted(meeting));
  const agenda = useAgenda(meeting.id);
  const report = useSpeakingReport(meeting.id, true);
  const add = useAddSpeakingTurn(meeting.id);
  const sectors = useSectorLookup();

  if (invitations.isPending || report.isPending) return <Loading />;
  const failure = invitations.error ?? report.error;
  if (failure)
    return (
      <ErrorAlert
        error={failure}
        onRetry={() => {
          void invitations.refetch();
          void report.refetch();
        }}
      />
    );

  const present = new Set(
    (attendance.data?.items ?? [])
      .filter((a) => a.seat_id && a.status === "present")
      .map((a) => a.seat_id as string),
  );
  const recorded = (attendance.data?.items ?? []).some((a) => a.seat_id);
  const people: TablePerson[] = (invitations.data?.items ?? [])
    .filter((inv) => !recorded || present.has(inv.seat_id))
    .map((inv) => ({ seatId: inv.seat_id, name: inv.stakeholder_name, sectorId: inv.sector_id }));

  return (
    <>
      {recorded && (
        <Text size="xs" c="dimmed" mb="xs">
          {t("meetingPage.speaking.presentOnly")}
        </Text>
      )}
      <SpeakingTimerBoard
        people={people}
        sectors={sectors}
        agendaItems={(agenda.data?.items ?? []).filter((i) => i.status === "accepted")}
        report={report.data}
        postTurn={add.mutateAsync}
      />
    </>
  );
}
