import { Button, Card, Group, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { QueryState } from "../../shared/feedback/QueryState";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import {
  useAttendance,
  useMeetingInvitations,
  useRecordAttendance,
  type AttendanceReport,
  type AttendanceStatus,
  type Meeting,
} from "./api";
import { hasStarted, type MeetingAbilities } from "./permissions";
import { useSectorLookup } from "../../shared/sectors";

const STATUSES: AttendanceStatus[] = ["present", "absent", "excused"];

function Rates({ report }: { report: AttendanceReport }) {
  const { t } = useTranslation();
  const sectors = useSectorLookup();
  if (report.by_sector.length === 0 && report.guests === 0) return null;
  const rows = [...report.by_sector].sort(
    (a, b) => sectors.order(a.sector_id) - sectors.order(b.sector_id),
  );
  return (
    <ScrollTable label={t("meetingPage.attendance.rates")} minWidth={420}>
      <Table verticalSpacing={4}>
        <Table.Caption>
          {t("meetingPage.attendance.rates")}
          {report.guests > 0 &&
            ` · ${t("meetingPage.attendance.guests", { count: report.guests })}`}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("meetingPage.sector")}</Table.Th>
            {STATUSES.map((s) => (
              <Table.Th scope="col" key={s}>
                {t(`meetingPage.attendance.status.${s}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t("meetingPage.attendance.rate")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.sector_id}>
              <Table.Th scope="row" fw={500}>
                {sectors.name(row.sector_id)}
              </Table.Th>
              <Table.Td>{row.present}</Table.Td>
              <Table.Td>{row.absent}</Table.Td>
              <Table.Td>{row.excused}</Table.Td>
              <Table.Td>{Math.round(row.rate * 100)}%</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Hosts read who came; nothing to change. */
function AttendanceReadOnly({ report }: { report: AttendanceReport }) {
  const { t } = useTranslation();
  const sectors = useSectorLookup();
  if (report.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t("meetingPage.attendance.none")}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Rates report={report} />
      <ScrollTable label={t("meetingPage.attendance.list")} minWidth={420}>
        <Table verticalSpacing={4} striped>
          <Table.Caption>{t("meetingPage.attendance.list")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("meetingPage.person")}</Table.Th>
              <Table.Th scope="col">{t("meetingPage.sector")}</Table.Th>
              <Table.Th scope="col">{t("meetingPage.attendance.title")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td dir="auto">
                  {row.stakeholder_name ?? row.guest_name}
                  {row.guest_name && ` (${t("meetingPage.attendance.guest")})`}
                </Table.Td>
                <Table.Td>{row.sector_id ? sectors.name(row.sector_id) : "—"}</Table.Td>
                <Table.Td>{t(`meetingPage.attendance.status.${row.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function AttendanceForm({ meeting, report }: { meeting: Meeting; report: AttendanceReport }) {
  const { t } = useTranslation();
  const sectors = useSectorLookup();
  const invitations = useMeetingInvitations(meeting.id);
  const record = useRecordAttendance(meeting.id);
  const recorded = new Map(
    report.items.filter((i) => i.seat_id).map((i) => [i.seat_id as string, i.status]),
  );
  const [changes, setChanges] = useState<Record<string, AttendanceStatus>>({});
  const [guest, setGuest] = useState("");
  const [guestOrg, setGuestOrg] = useState("");
  const [saved, setSaved] = useState(false);

  const seats = invitations.data?.items ?? [];
  const statusOf = (seatId: string): AttendanceStatus =>
    changes[seatId] ?? recorded.get(seatId) ?? "present";

  const save = () =>
    record.mutate(
      seats.map((s) => ({ seat_id: s.seat_id, status: statusOf(s.seat_id) })),
      {
        onSuccess: () => {
          setChanges({});
          setSaved(true);
        },
      },
    );
  const addGuest = () =>
    record.mutate(
      [
        {
          guest_name: guest.trim(),
          guest_organisation: guestOrg.trim() || null,
          status: "present",
        },
      ],
      {
        onSuccess: () => {
          setGuest("");
          setGuestOrg("");
        },
      },
    );

  return (
    <Stack gap="md">
      <Rates report={report} />
      {record.error && <ErrorAlert error={record.error} />}
      <QueryState query={invitations}>
        {(list) =>
          list.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("meetingPage.attendance.inviteFirst")}
            </Text>
          ) : (
            <Stack gap="sm">
              <ScrollTable label={t("meetingPage.attendance.take")} minWidth={560}>
                <Table verticalSpacing={4} striped>
                  <Table.Caption>{t("meetingPage.attendance.take")}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("meetingPage.person")}</Table.Th>
                      <Table.Th scope="col">{t("meetingPage.sector")}</Table.Th>
                      <Table.Th scope="col">{t("meetingPage.attendance.title")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.items.map((inv) => (
                      <Table.Tr key={inv.seat_id}>
                        <Table.Td dir="auto">{inv.stakeholder_name}</Table.Td>
                        <Table.Td>{sectors.name(inv.sector_id)}</Table.Td>
                        <Table.Td>
                          <SegmentedControl
                            size="xs"
                            aria-label={t("meetingPage.attendance.for", {
                              name: inv.stakeholder_name,
                            })}
                            value={statusOf(inv.seat_id)}
                            onChange={(v) => {
                              setSaved(false);
                              setChanges((c) => ({ ...c, [inv.seat_id]: v as AttendanceStatus }));
                            }}
                            data={STATUSES.map((s) => ({
                              value: s,
                              label: t(`meetingPage.attendance.status.${s}`),
                            }))}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <Group>
                <Button onClick={save} loading={record.isPending}>
                  {t("meetingPage.attendance.save")}
                </Button>
                {saved && (
                  <Text size="sm" role="status">
                    {t("meetingPage.attendance.saved")}
                  </Text>
                )}
              </Group>
            </Stack>
          )
        }
      </QueryState>
      <Card withBorder padding="sm" component="section" aria-labelledby="add-guest">
        <Title order={3} size="h5" id="add-guest" mb="xs">
          {t("meetingPage.attendance.addGuest")}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (guest.trim()) addGuest();
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t("meetingPage.attendance.guestName")}
              value={guest}
              onChange={(e) => setGuest(e.currentTarget.value)}
              maxLength={200}
              required
            />
            <TextInput
              label={t("meetingPage.attendance.guestOrganisation")}
              value={guestOrg}
              onChange={(e) => setGuestOrg(e.currentTarget.value)}
              maxLength={200}
            />
            <Button type="submit" variant="light" disabled={!guest.trim()}>
              {t("meetingPage.attendance.addGuestButton")}
            </Button>
          </Group>
        </form>
        {report.items.some((i) => i.guest_name) && (
          <Text size="sm" mt="xs" dir="auto">
            {t("meetingPage.attendance.guestList")}:{" "}
            {report.items
              .filter((i) => i.guest_name)
              .map((i) =>
                i.guest_organisation ? `${i.guest_name} (${i.guest_organisation})` : i.guest_name,
              )
              .join(", ")}
          </Text>
        )}
      </Card>
    </Stack>
  );
}

/** Attendance: facilitators take it (held or started meetings); hosts read it. */
export function AttendanceSection({ meeting, can }: { meeting: Meeting; can: MeetingAbilities }) {
  const { t } = useTranslation();
  const started = hasStarted(meeting);
  const report = useAttendance(meeting.id, can.viewAttendance && started);
  if (!can.viewAttendance) return null;
  return (
    <section aria-labelledby="attendance-heading">
      <Title order={2} size="h4" id="attendance-heading" mb="sm">
        {t("meetingPage.attendance.title")}
      </Title>
      {!started ? (
        <Text size="sm" c="dimmed">
          {meeting.status === "cancelled"
            ? t("meetingPage.attendance.cancelled")
            : t("meetingPage.attendance.notYet")}
        </Text>
      ) : (
        <QueryState query={report}>
          {(data) =>
            can.recordAttendance ? (
              <AttendanceForm meeting={meeting} report={data} />
            ) : (
              <AttendanceReadOnly report={data} />
            )
          }
        </QueryState>
      )}
    </section>
  );
}
