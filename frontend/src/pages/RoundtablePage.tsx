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
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { paramsWithTab, tabFromParams } from "../shared/layout/tabParam";
import { EnumBadge } from "../shared/enums/EnumBadge";
import { PageTitle } from "../shared/layout/PageTitle";
import { QueryState } from "../shared/feedback/QueryState";
import { formatDate } from "../i18n/format";
import { pickLang, useLang } from "../i18n/useLang";
import { AuditList } from "../features/audit/AuditList";
import { DecisionBoard } from "../features/decisions/DecisionBoard";
import { KnowledgeList } from "../features/knowledge/KnowledgeList";
import { MeetingList } from "../features/meetings/MeetingList";
import { SeatsSection } from "../features/seats/SeatsSection";
import { useRoundtable, type Roundtable } from "../features/roundtables/api";
import CompositionView from "../features/roundtables/CompositionView";
import { GoalsSection } from "../features/roundtables/GoalsSection";

const TABS = ["overview", "meetings", "decisions", "knowledge", "seats", "audit"] as const;
type Tab = (typeof TABS)[number];

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
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

function Overview({ roundtable }: { roundtable: Roundtable }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        {roundtable.description && (
          <Text size="sm" mb="md" style={{ whiteSpace: "pre-line" }} dir="auto">
            {roundtable.description}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" spacing="sm" m={0}>
          <Fact label={t("roundtable.host")}>
            {pickLang(
              lang,
              roundtable.host_organisation_name,
              roundtable.host_organisation_name_en,
            )}
          </Fact>
          <Fact label={t("roundtable.status")}>
            <EnumBadge name="RoundtableStatus" value={roundtable.status} />
          </Fact>
          <Fact label={t("roundtable.foundingReference")}>
            {roundtable.founding_reference ?? "—"}
          </Fact>
          <Fact label={t("roundtable.policyArea")}>{roundtable.policy_area ?? "—"}</Fact>
          <Fact label={t("roundtable.started")}>
            {roundtable.started_on ? formatDate(roundtable.started_on, lang) : "—"}
          </Fact>
          {roundtable.ended_on && (
            <Fact label={t("roundtable.ended")}>{formatDate(roundtable.ended_on, lang)}</Fact>
          )}
        </SimpleGrid>
      </Card>
      <section aria-labelledby="composition-heading">
        <Title order={2} size="h4" id="composition-heading" mb="sm">
          {t("composition.title")}
        </Title>
        <CompositionView roundtableId={roundtable.id} />
      </section>
      <section aria-labelledby="goals-heading">
        <Title order={2} size="h4" id="goals-heading" mb="sm">
          {t("goals.title")}
        </Title>
        <GoalsSection roundtableId={roundtable.id} />
      </section>
    </Stack>
  );
}

export default function RoundtablePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { roundtableId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const roundtable = useRoundtable(roundtableId);

  return (
    <>
      <Breadcrumbs mb="sm" aria-label={t("nav.breadcrumbs")}>
        <Anchor component={Link} to="/roundtables" size="sm">
          {t("roundtables.title")}
        </Anchor>
        <Text size="sm" aria-current="page">
          {roundtable.data ? pickLang(lang, roundtable.data.title, roundtable.data.title_en) : "…"}
        </Text>
      </Breadcrumbs>
      <QueryState query={roundtable}>
        {(rt) => {
          const canAudit = rt.my_permissions.includes("audit:view");
          const canManageSeats = rt.my_permissions.includes("seats:manage");
          const visible = TABS.filter(
            (tab) => (tab !== "audit" || canAudit) && (tab !== "seats" || canManageSeats),
          );
          const tab: Tab = tabFromParams(params, visible, "overview");
          return (
            <>
              <PageTitle mb={4}>{pickLang(lang, rt.title, rt.title_en)}</PageTitle>
              <Group gap="xs" mb="md">
                <EnumBadge name="RoundtableStatus" value={rt.status} />
                <EnumBadge name="Visibility" value={rt.visibility} />
                {rt.my_roles.map((role) => (
                  <EnumBadge key={role} name="Role" value={role} variant="outline" />
                ))}
              </Group>
              <Tabs
                value={tab}
                onChange={(value) =>
                  setParams(paramsWithTab(params, value, "overview"), { replace: true })
                }
                keepMounted={false}
              >
                <Tabs.List mb="md">
                  {visible.map((name) => (
                    <Tabs.Tab key={name} value={name}>
                      {name === "seats" ? t("seats.tab") : t(`roundtable.tabs.${name}`)}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                <Tabs.Panel value="overview">
                  <Overview roundtable={rt} />
                </Tabs.Panel>
                <Tabs.Panel value="meetings">
                  <MeetingList roundtableId={rt.id} />
                </Tabs.Panel>
                <Tabs.Panel value="decisions">
                  <DecisionBoard
                    roundtableId={rt.id}
                    canPropose={rt.my_permissions.includes("decisions:propose")}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="knowledge">
                  <KnowledgeList roundtableId={rt.id} />
                </Tabs.Panel>
                {canManageSeats && (
                  <Tabs.Panel value="seats">
                    <SeatsSection roundtableId={rt.id} permissions={rt.my_permissions} />
                  </Tabs.Panel>
                )}
                {canAudit && (
                  <Tabs.Panel value="audit">
                    <AuditList roundtableId={rt.id} />
                  </Tabs.Panel>
                )}
              </Tabs>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
