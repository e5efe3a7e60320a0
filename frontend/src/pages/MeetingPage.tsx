import {
  Anchor,
  Breadcrumbs,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { paramsWithTab, tabFromParams } from "../shared/layout/tabParam";
import { EnumBadge } from "../shared/enums/EnumBadge";
import { PageTitle } from "../shared/layout/PageTitle";
import { QueryState } from "../shared/feedback/QueryState";
import { pickLang, useLang } from "../i18n/useLang";
import { MinutesSection } from "../features/minutes/MinutesSection";
import { useRoundtable } from "../shared/lookups";
import { AgendaSection } from "../features/meetings/AgendaSection";
import { useMeeting, useMeetingInvitations, type Meeting } from "../features/meetings/api";
import { AttendanceSection } from "../features/meetings/AttendanceSection";
import { MeetingStatusActions } from "../features/meetings/MeetingStatusActions";
import { MeetingWhen } from "../features/meetings/MeetingWhen";
import { abilities, type MeetingAbilities } from "../features/meetings/permissions";
import { ProcessNotes } from "../features/meetings/ProcessNotes";
import { RsvpSection } from "../features/meetings/RsvpSection";
import { SpeakingTimerSection } from "../features/meetings/SpeakingTimerSection";

const TABS = ["agenda", "people", "timer", "minutes", "notes"] as const;
type Tab = (typeof TABS)[number];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} dir="auto">
        {children}
      </Text>
    </div>
  );
}

function Details({ meeting, can }: { meeting: Meeting; can: MeetingAbilities }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" spacing="sm" m={0}>
          <Fact label={t("meetingPage.details.when")}>
            <MeetingWhen
              startsAt={meeting.starts_at}
              endsAt={meeting.ends_at}
              timezone={meeting.timezone}
            />
          </Fact>
          <Fact label={t("meetingPage.details.timezone")}>{meeting.timezone}</Fact>
          <Fact label={t("meetingPage.details.mode")}>
            {t(`enums.MeetingMode.${meeting.mode}`)}
          </Fact>
          {meeting.venue_name && (
            <Fact label={t("meetingPage.details.venue")}>
              {meeting.venue_name}
              {meeting.venue_address ? `, ${meeting.venue_address}` : ""}
            </Fact>
          )}
          {meeting.online_url && (
            <Fact label={t("meetingPage.details.online")}>
              <Anchor href={meeting.online_url} target="_blank" rel="noopener noreferrer" dir="ltr">
                {meeting.online_url}
              </Anchor>
            </Fact>
          )}
          {meeting.status === "cancelled" && (
            <Fact label={t("meetingPage.details.cancellationReason")}>
              {meeting.cancellation_reason || "—"}
            </Fact>
          )}
        </SimpleGrid>
        {meeting.description && (
          <Text size="sm" style={{ whiteSpace: "pre-line" }} dir="auto">
            {meeting.description}
          </Text>
        )}
        {can.manage && <MeetingStatusActions meeting={meeting} />}
      </Stack>
    </Card>
  );
}

function MeetingBody({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const roundtable = useRoundtable(meeting.roundtable_id);
  const invitations = useMeetingInvitations(meeting.id);
  const can = abilities(roundtable.data?.my_permissions ?? []);
  const presenters = useMemo(
    () =>
      new Map((invitations.data?.items ?? []).map((i) => [i.stakeholder_id, i.stakeholder_name])),
    [invitations.data],
  );
  // What a role may not do is not offered: the timer and process notes exist only for facilitators.
  const visible = TABS.filter(
    (tab) => (tab !== "timer" || can.speaking) && (tab !== "notes" || can.notes),
  );
  const tab: Tab = tabFromParams(params, visible, "agenda");
  const rtTitle = roundtable.data
    ? pickLang(lang, roundtable.data.title, roundtable.data.title_en)
    : "…";

  return (
    <>
      <Breadcrumbs mb="sm" aria-label={t("nav.breadcrumbs")}>
        <Anchor component={Link} to="/roundtables" size="sm">
          {t("roundtables.title")}
        </Anchor>
        <Anchor
          component={Link}
          to={`/roundtables/${meeting.roundtable_id}?tab=meetings`}
          size="sm"
        >
          {rtTitle}
        </Anchor>
        <Text size="sm" aria-current="page" dir="auto">
          {meeting.title}
        </Text>
      </Breadcrumbs>
      <PageTitle mb={4}>{meeting.title}</PageTitle>
      <Group gap="xs" mb="md">
        <EnumBadge name="MeetingStatus" value={meeting.status} />
        <EnumBadge name="MeetingMode" value={meeting.mode} variant="outline" />
      </Group>
      <Stack gap="md">
        <Details meeting={meeting} can={can} />
        {roundtable.isPending ? null : (
          <Tabs
            value={tab}
            onChange={(value) =>
              setParams(paramsWithTab(params, value, "agenda"), { replace: true })
            }
            keepMounted={false}
          >
            <Tabs.List mb="md">
              {visible.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`meetingPage.tabs.${name}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="agenda">
              <Title order={2} size="h4" mb="sm">
                {t("meetingPage.agenda.title")}
              </Title>
              <AgendaSection meeting={meeting} can={can} presenters={presenters} />
            </Tabs.Panel>
            <Tabs.Panel value="people">
              <Stack gap="lg">
                <section aria-labelledby="rsvp-heading">
                  <Title order={2} size="h4" id="rsvp-heading" mb="sm">
                    {t("meetingPage.rsvp.title")}
                  </Title>
                  <RsvpSection meeting={meeting} can={can} />
                </section>
                <AttendanceSection meeting={meeting} can={can} />
              </Stack>
            </Tabs.Panel>
            {can.speaking && (
              <Tabs.Panel value="timer">
                <Title order={2} size="h4" mb="sm">
                  {t("meetingPage.speaking.title")}
                </Title>
                <SpeakingTimerSection meeting={meeting} />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="minutes">
              <Title order={2} size="h4" mb="sm">
                {t("minutesPage.title")}
              </Title>
              <MinutesSection meeting={meeting} can={can} />
            </Tabs.Panel>
            {can.notes && (
              <Tabs.Panel value="notes">
                <Title order={2} size="h4" mb="sm">
                  {t("meetingPage.notes.title")}
                </Title>
                <ProcessNotes meeting={meeting} />
              </Tabs.Panel>
            )}
          </Tabs>
        )}
      </Stack>
    </>
  );
}

/** /meetings/:meetingId — details, agenda, RSVP and attendance, timer, minutes, process notes. */
export default function MeetingPage() {
  const { meetingId = "" } = useParams();
  const meeting = useMeeting(meetingId);
  return <QueryState query={meeting}>{(data) => <MeetingBody meeting={data} />}</QueryState>;
}
