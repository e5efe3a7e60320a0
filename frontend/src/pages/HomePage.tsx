import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../shared/layout/Section";
import { Link } from "react-router";
import { EnumBadge } from "../shared/enums/EnumBadge";
import { ErrorAlert } from "../shared/feedback/ErrorAlert";
import { LoadMore } from "../shared/layout/LoadMore";
import { PageTitle } from "../shared/layout/PageTitle";
import { Empty, Loading, QueryState } from "../shared/feedback/QueryState";
import { formatDate, formatDateTime } from "../i18n/format";
import { pickLang, useLang } from "../i18n/useLang";
import { useMyOpenActionItems } from "../features/actionItems/api";
import { useMe, type Me } from "../shared/session/me";
import { hasRoundtablePermission } from "../shared/session/permissions";
import {
  myInvitation,
  useInvitations,
  useRecentHeldMeetings,
  useUpcomingMeetings,
} from "../features/meetings/api";
import { useMeetingsMinutes } from "../features/minutes/api";
import { useRoundtables } from "../features/roundtables/api";
import { RoundtableCard } from "../features/roundtables/RoundtableCard";
import { ScrollTable } from "../shared/layout/ScrollTable";

/** RSVPs are looked up for the first few meetings only (one request each). */
const RSVP_LOOKUPS = 3;

function roundtableTitle(me: Me | undefined, id: string, lang: "he" | "en"): string {
  const found = me?.roundtables.find((r) => r.roundtable_id === id);
  return found ? pickLang(lang, found.title, found.title_en) : "";
}

function MyRoundtables() {
  const { t } = useTranslation();
  const list = useRoundtables({ mine: true });
  return (
    <Section title={t("home.myRoundtables")}>
      <QueryState
        query={{ ...list, data: list.data ? list.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={t("home.noRoundtables")}
      >
        {(items) => (
          <Stack gap="sm">
            {items.map((roundtable) => (
              <RoundtableCard
                key={roundtable.id}
                roundtable={roundtable}
                to={`/roundtables/${roundtable.id}`}
              />
            ))}
            <LoadMore {...list} />
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

function UpcomingMeetings({ me }: { me: Me | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [from] = useState(() => new Date().toISOString());
  const meetings = useUpcomingMeetings(from, 10);
  const firstIds = useMemo(
    () => (meetings.data?.items ?? []).slice(0, RSVP_LOOKUPS).map((m) => m.id),
    [meetings.data],
  );
  const invitations = useInvitations(firstIds);

  return (
    <Section title={t("home.upcomingMeetings")}>
      <QueryState
        query={meetings}
        isEmpty={(page) => page.items.length === 0}
        empty={t("home.noMeetings")}
      >
        {(page) => (
          <ScrollTable label={t("home.upcomingMeetings")} minWidth={480}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("meeting.title")}</Table.Th>
                  <Table.Th scope="col">{t("meeting.when")}</Table.Th>
                  <Table.Th scope="col">{t("home.myRsvp")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((meeting, index) => {
                  const lookup = index < RSVP_LOOKUPS ? invitations[index] : undefined;
                  const mine = myInvitation(lookup?.data?.items, me?.stakeholder_id);
                  let rsvp: ReactNode = (
                    <Text c="dimmed" size="sm">
                      —
                    </Text>
                  );
                  if (lookup?.isPending)
                    rsvp = (
                      <Text size="sm" c="dimmed">
                        {t("states.loading")}
                      </Text>
                    );
                  else if (mine) rsvp = <EnumBadge name="RsvpResponse" value={mine.response} />;
                  else if (lookup?.data)
                    rsvp = (
                      <Text size="sm" c="dimmed">
                        {t("home.notInvited")}
                      </Text>
                    );
                  return (
                    <Table.Tr key={meeting.id}>
                      <Table.Td>
                        <Stack gap={0}>
                          <Anchor
                            component={Link}
                            to={`/meetings/${meeting.id}`}
                            size="sm"
                            fw={500}
                            dir="auto"
                          >
                            {meeting.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {roundtableTitle(me, meeting.roundtable_id, lang)}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {formatDateTime(meeting.starts_at, meeting.timezone, lang)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{rsvp}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
    </Section>
  );
}

function MyActionItems({ me }: { me: Me | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = useMyOpenActionItems();
  return (
    <Section title={t("home.myActionItems")}>
      <QueryState
        query={{ ...items, data: items.data ? items.items : undefined }}
        isEmpty={(list) => list.length === 0}
        empty={t("home.noActionItems")}
      >
        {(list) => (
          <Stack gap="xs">
            {list.map((item) => (
              <Group key={item.id} justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0}>
                  <Text size="sm" fw={500} dir="auto">
                    {item.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {roundtableTitle(me, item.roundtable_id, lang)}
                    {item.due_date
                      ? ` · ${t("actionItem.due", { date: formatDate(item.due_date, lang) })}`
                      : ""}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  {item.overdue && (
                    <Badge color="red" variant="filled">
                      {t("actionItem.overdue")}
                    </Badge>
                  )}
                  <EnumBadge name="ActionItemStatus" value={item.status} />
                </Group>
              </Group>
            ))}
            <LoadMore {...items} />
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

/**
 * Minutes circulated for comment or approval: among recently held meetings of roundtables where I
 * may comment on or approve minutes, those whose newest revision is `circulated`.
 */
function MinutesAwaitingMe({ me }: { me: Me | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const held = useRecentHeldMeetings(10);
  const relevant = useMemo(
    () =>
      (held.data?.items ?? []).filter(
        (m) =>
          hasRoundtablePermission(me, m.roundtable_id, "minutes:comment") ||
          hasRoundtablePermission(me, m.roundtable_id, "minutes:approve"),
      ),
    [held.data, me],
  );
  const minutes = useMeetingsMinutes(relevant.map((m) => m.id));

  let body: ReactNode;
  if (held.isPending || minutes.some((q) => q.isPending)) body = <Loading />;
  else if (held.error) body = <ErrorAlert error={held.error} onRetry={() => void held.refetch()} />;
  else {
    const failed = minutes.find((q) => q.error);
    const waiting = relevant.filter((_, i) => minutes[i]?.data?.status === "circulated");
    body = (
      <>
        {failed && <ErrorAlert error={failed.error} />}
        {waiting.length === 0 ? (
          !failed && <Empty>{t("home.noMinutes")}</Empty>
        ) : (
          <Stack gap="xs">
            {waiting.map((meeting) => {
              const canApprove = hasRoundtablePermission(
                me,
                meeting.roundtable_id,
                "minutes:approve",
              );
              return (
                <Group key={meeting.id} justify="space-between" wrap="nowrap">
                  <Stack gap={0}>
                    <Anchor
                      component={Link}
                      to={`/meetings/${meeting.id}?tab=minutes`}
                      size="sm"
                      fw={500}
                      dir="auto"
                    >
                      {meeting.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(meeting.starts_at, meeting.timezone, lang)}
                    </Text>
                  </Stack>
                  <Badge variant="light" color={canApprove ? "green" : "blue"}>
                    {t(canApprove ? "home.awaitingApproval" : "home.awaitingComment")}
                  </Badge>
                </Group>
              );
            })}
          </Stack>
        )}
      </>
    );
  }
  return <Section title={t("home.minutesAwaiting")}>{body}</Section>;
}

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageTitle>{t("home.title")}</PageTitle>
      {me.data && (
        <Text mb="md" c="dimmed">
          {t("home.greeting", { name: me.data.full_name })}
        </Text>
      )}
      {me.error && <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MyRoundtables />
        <UpcomingMeetings me={me.data} />
        <MyActionItems me={me.data} />
        <MinutesAwaitingMe me={me.data} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="md">
        <Anchor component={Link} to="/public">
          {t("home.publicLink")}
        </Anchor>
      </Text>
    </>
  );
}
