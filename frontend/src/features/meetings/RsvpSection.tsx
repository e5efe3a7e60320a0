import { Badge, Button, Card, Group, Radio, Stack, Table, Text, Title } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { QueryState } from "../../shared/feedback/QueryState";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import { useMe } from "../../shared/session/me";
import {
  myInvitation,
  useInviteAll,
  useMeetingInvitations,
  useRsvp,
  type Invitation,
  type InvitationList,
  type Meeting,
  type RsvpResponse,
} from "./api";
import { rsvpOpen, type MeetingAbilities } from "./permissions";
import { useSectorLookup } from "../../shared/sectors";

const ANSWERS: RsvpResponse[] = ["yes", "maybe", "no"];
const COUNTED: RsvpResponse[] = ["yes", "maybe", "no", "pending"];

function MyAnswer({ meeting, mine }: { meeting: Meeting; mine: Invitation }) {
  const { t } = useTranslation();
  const rsvp = useRsvp(meeting.id);
  const [response, setResponse] = useState<RsvpResponse | "">(
    mine.response === "pending" ? "" : mine.response,
  );
  const [note, setNote] = useState(mine.note ?? "");
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby="my-rsvp">
      <Title order={3} size="h5" id="my-rsvp" mb="xs">
        {t("meetingPage.rsvp.mine")}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (response) rsvp.mutate({ response, note: note.trim() || null, seat_id: mine.seat_id });
        }}
      >
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm">{t("meetingPage.rsvp.current")}</Text>
            <EnumBadge name="RsvpResponse" value={mine.response} />
          </Group>
          <Radio.Group
            label={t("meetingPage.rsvp.question")}
            value={response}
            onChange={(v) => setResponse(v as RsvpResponse)}
          >
            <Group gap="md" mt={4}>
              {ANSWERS.map((answer) => (
                <Radio key={answer} value={answer} label={t(`enums.RsvpResponse.${answer}`)} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label={t("meetingPage.rsvp.note")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
          />
          {rsvp.error && <ErrorAlert error={rsvp.error} />}
          <Group>
            <Button type="submit" disabled={!response} loading={rsvp.isPending}>
              {t("meetingPage.rsvp.send")}
            </Button>
            {rsvp.isSuccess && (
              <Text size="sm" role="status">
                {t("meetingPage.rsvp.saved")}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Counts({ list }: { list: InvitationList }) {
  const { t } = useTranslation();
  const sectors = useSectorLookup();
  const rows = [...list.by_sector].sort(
    (a, b) => sectors.order(a.sector_id) - sectors.order(b.sector_id),
  );
  return (
    <ScrollTable label={t("meetingPage.rsvp.bySector")} minWidth={420}>
      <Table verticalSpacing={4}>
        <Table.Caption>{t("meetingPage.rsvp.bySector")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("meetingPage.sector")}</Table.Th>
            {COUNTED.map((r) => (
              <Table.Th scope="col" key={r}>
                {t(`enums.RsvpResponse.${r}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.sector_id}>
              <Table.Th scope="row" fw={500}>
                {sectors.name(row.sector_id)}
              </Table.Th>
              {COUNTED.map((r) => (
                <Table.Td key={r}>{row.counts[r] ?? 0}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** RSVP for my own seat; the invitation list with counts per sector; "invite all seats". */
export function RsvpSection({ meeting, can }: { meeting: Meeting; can: MeetingAbilities }) {
  const { t } = useTranslation();
  const me = useMe();
  const invitations = useMeetingInvitations(meeting.id);
  const inviteAll = useInviteAll(meeting.id);
  const sectors = useSectorLookup();
  const open = rsvpOpen(meeting);

  return (
    <Stack gap="md">
      {can.manage && open && (
        <Group>
          <Button variant="light" onClick={() => inviteAll.mutate()} loading={inviteAll.isPending}>
            {t("meetingPage.rsvp.inviteAll")}
          </Button>
          {inviteAll.isSuccess && (
            <Text size="sm" role="status">
              {t("meetingPage.rsvp.invited", { count: inviteAll.data.items.length })}
            </Text>
          )}
        </Group>
      )}
      {inviteAll.error && <ErrorAlert error={inviteAll.error} />}
      <QueryState query={invitations}>
        {(list) => {
          const mine = myInvitation(list.items, me.data?.stakeholder_id);
          return (
            <Stack gap="md">
              {can.rsvp && mine && open && <MyAnswer key={mine.id} meeting={meeting} mine={mine} />}
              {mine && !open && (
                <Group gap="xs">
                  <Text size="sm">{t("meetingPage.rsvp.mineWas")}</Text>
                  <EnumBadge name="RsvpResponse" value={mine.response} />
                </Group>
              )}
              {list.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("meetingPage.rsvp.none")}
                </Text>
              ) : (
                <>
                  <Counts list={list} />
                  <ScrollTable label={t("meetingPage.rsvp.list")} minWidth={560}>
                    <Table verticalSpacing={4} striped>
                      <Table.Caption>
                        {t("meetingPage.rsvp.listCount", { count: list.items.length })}
                      </Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t("meetingPage.person")}</Table.Th>
                          <Table.Th scope="col">{t("meetingPage.role")}</Table.Th>
                          <Table.Th scope="col">{t("meetingPage.sector")}</Table.Th>
                          <Table.Th scope="col">{t("meetingPage.rsvp.answer")}</Table.Th>
                          <Table.Th scope="col">{t("meetingPage.rsvp.note")}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {list.items.map((inv) => (
                          <Table.Tr key={inv.id}>
                            <Table.Td dir="auto">
                              {inv.stakeholder_name}
                              {inv.id === mine?.id && (
                                <Badge ms={6} size="xs" variant="outline">
                                  {t("meetingPage.rsvp.you")}
                                </Badge>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <EnumBadge name="Role" value={inv.role} variant="outline" />
                            </Table.Td>
                            <Table.Td>{sectors.name(inv.sector_id)}</Table.Td>
                            <Table.Td>
                              <EnumBadge name="RsvpResponse" value={inv.response} />
                            </Table.Td>
                            <Table.Td dir="auto">{inv.note ?? ""}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollTable>
                </>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
