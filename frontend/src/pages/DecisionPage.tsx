import { Anchor, Badge, Breadcrumbs, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../shared/layout/Section";
import { Link, useParams } from "react-router";
import { EnumBadge } from "../shared/enums/EnumBadge";
import { PageTitle } from "../shared/layout/PageTitle";
import { Loading, QueryState } from "../shared/feedback/QueryState";
import { formatDateTime, formatDay } from "../i18n/format";
import { pickLang, useLang } from "../i18n/useLang";
import { DecisionActionItems } from "../features/actionItems/DecisionActionItems";
import { useMe } from "../shared/session/me";
import { useSignedIn } from "../shared/session/useSignedIn";
import { Markdown } from "../shared/markdown";
import { useGoals, useMeeting, useRoundtable } from "../shared/lookups";
import { useSectors } from "../shared/sectors";
import { myEndorsingSeats, useDecision, type Decision } from "../features/decisions/api";
import { DecisionHistory } from "../features/decisions/DecisionHistory";
import { DecisionTransitions } from "../features/decisions/DecisionTransitions";
import { ConsensusBadge, EndorsementMatrix } from "../features/decisions/EndorsementMatrix";
import { MyEndorsement } from "../features/decisions/MyEndorsement";

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

function MeetingTitle({ meetingId }: { meetingId: string }) {
  const lang = useLang();
  const meeting = useMeeting(meetingId);
  if (!meeting.data) return <>—</>;
  return (
    <>
      <bdi>{meeting.data.title}</bdi> ·{" "}
      <bdi>{formatDateTime(meeting.data.starts_at, meeting.data.timezone, lang)}</bdi>
    </>
  );
}

function GoalTitles({ roundtableId, goalIds }: { roundtableId: string; goalIds: string[] }) {
  const goals = useGoals(roundtableId);
  const titles = goals.items.filter((g) => goalIds.includes(g.id)).map((g) => g.title);
  return <>{titles.length ? titles.join(" · ") : "…"}</>;
}

function DecisionBody({ decision, publicView }: { decision: Decision; publicView: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const sectors = useSectors();
  const roundtable = useRoundtable(decision.roundtable_id);
  const permissions = publicView ? [] : (roundtable.data?.my_permissions ?? []);
  const seats = publicView ? [] : myEndorsingSeats(me.data, decision.roundtable_id);
  const rtTitle = roundtable.data
    ? pickLang(lang, roundtable.data.title, roundtable.data.title_en)
    : "…";
  const rtLink = publicView
    ? `/public/roundtables/${decision.roundtable_id}`
    : `/roundtables/${decision.roundtable_id}?tab=decisions`;

  return (
    <Stack gap="lg">
      <div>
        <PageTitle mb={6} dir="auto">
          {decision.title}
        </PageTitle>
        <Group gap="xs" mb="sm">
          <EnumBadge
            name="DecisionStatus"
            value={decision.status}
            size="lg"
            data-testid="decision-status"
          />
          <Badge variant="outline" color="gray" size="lg">
            {t(`enums.DecisionKind.${decision.kind}`)}
          </Badge>
          <ConsensusBadge consensus={decision.consensus} />
        </Group>
        {!publicView && (
          <DecisionTransitions
            decision={decision}
            permissions={permissions}
            isProposer={!!me.data && decision.proposed_by_user_id === me.data.id}
          />
        )}
      </div>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" spacing="sm" m={0}>
          <Fact label={t("decision.roundtable")}>
            <Anchor component={Link} to={rtLink} size="sm">
              {rtTitle}
            </Anchor>
          </Fact>
          {decision.meeting_id && !publicView && (
            <Fact label={t("decision.meeting")}>
              <MeetingTitle meetingId={decision.meeting_id} />
            </Fact>
          )}
          <Fact label={t("decision.proposedOn")}>{formatDay(decision.created_at, null, lang)}</Fact>
          {decision.adopted_at && (
            <Fact label={t("decision.adoptedAt")}>
              {formatDay(decision.adopted_at, null, lang)}
            </Fact>
          )}
          {decision.adoption_reference && (
            <Fact label={t("decision.adoptionReference")}>{decision.adoption_reference}</Fact>
          )}
          {decision.goal_ids.length > 0 && !publicView && (
            <Fact label={t("decision.goals")}>
              <GoalTitles roundtableId={decision.roundtable_id} goalIds={decision.goal_ids} />
            </Fact>
          )}
        </SimpleGrid>
      </Card>
      <Section title={t("decision.text")}>
        {decision.text.trim() ? (
          <Markdown source={decision.text} />
        ) : (
          <Text size="sm" c="dimmed">
            {t("decision.noText")}
          </Text>
        )}
      </Section>
      <Section title={t("endorsement.title")} testId="endorsements">
        {sectors.isPending ? (
          <Loading />
        ) : (
          <EndorsementMatrix decision={decision} sectors={sectors.items} />
        )}
      </Section>
      {seats.length > 0 && (
        <Section title={t("endorsement.mine")}>
          <MyEndorsement
            key={seats.map((s) => s.seat_id).join()}
            decision={decision}
            seats={seats}
          />
        </Section>
      )}
      {!publicView && (
        <Section title={t("actionItem.sectionTitle")}>
          <DecisionActionItems
            roundtableId={decision.roundtable_id}
            decisionId={decision.id}
            permissions={permissions}
            myStakeholderId={me.data?.stakeholder_id}
          />
        </Section>
      )}
      <Section title={t("decision.history")}>
        <DecisionHistory history={decision.history} myUserId={me.data?.id} />
      </Section>
    </Stack>
  );
}

/** A decision: text, status and its moves, the sectors' endorsements, action items, history. */
export default function DecisionPage({ publicView = false }: { publicView?: boolean }) {
  const { t } = useTranslation();
  const { decisionId = "" } = useParams();
  const signedIn = useSignedIn();
  const decision = useDecision(decisionId);
  const isPublic = publicView || !signedIn;
  return (
    <>
      <Breadcrumbs mb="sm" aria-label={t("nav.breadcrumbs")}>
        {isPublic ? (
          <Anchor component={Link} to="/public" size="sm">
            {t("public.title")}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/decisions" size="sm">
            {t("decisions.title")}
          </Anchor>
        )}
        <Text size="sm" aria-current="page" dir="auto">
          {decision.data?.title ?? "…"}
        </Text>
      </Breadcrumbs>
      <QueryState query={decision}>
        {(data) => <DecisionBody decision={data} publicView={isPublic} />}
      </QueryState>
    </>
  );
}
