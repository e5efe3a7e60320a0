import { Anchor, Breadcrumbs, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Section } from "../shared/layout/Section";
import { Link, useParams } from "react-router";
import { EnumBadge } from "../shared/enums/EnumBadge";
import { LoadMore } from "../shared/layout/LoadMore";
import { PageTitle } from "../shared/layout/PageTitle";
import { QueryState } from "../shared/feedback/QueryState";
import { formatDateTime } from "../i18n/format";
import { pickLang, useLang } from "../i18n/useLang";
import { DecisionList } from "../features/decisions/DecisionList";
import { usePublicSummaries, useRoundtable } from "../features/roundtables/api";
import CompositionView from "../features/roundtables/CompositionView";

function PublicSummaries({ roundtableId }: { roundtableId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = usePublicSummaries(roundtableId);
  return (
    <QueryState
      query={{ ...list, data: list.data ? list.items : undefined }}
      isEmpty={(items) => items.length === 0}
      empty={t("public.noSummaries")}
    >
      {(items) => (
        <Stack gap="sm">
          {items.map((summary) => (
            <Card key={summary.minutes_id} withBorder padding="sm" component="article">
              <Text fw={600} size="sm" dir="auto">
                {summary.meeting_title}
              </Text>
              <Text size="xs" c="dimmed" mb={4}>
                {formatDateTime(summary.meeting_starts_at, null, lang)}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-line" }} dir="auto">
                {summary.public_summary}
              </Text>
            </Card>
          ))}
          <LoadMore {...list} />
        </Stack>
      )}
    </QueryState>
  );
}

export default function PublicRoundtablePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { roundtableId = "" } = useParams();
  const roundtable = useRoundtable(roundtableId);
  return (
    <>
      <Breadcrumbs mb="sm" aria-label={t("nav.breadcrumbs")}>
        <Anchor component={Link} to="/public" size="sm">
          {t("public.title")}
        </Anchor>
        <Text size="sm" aria-current="page">
          {roundtable.data ? pickLang(lang, roundtable.data.title, roundtable.data.title_en) : "…"}
        </Text>
      </Breadcrumbs>
      <QueryState query={roundtable}>
        {(rt) => (
          <Stack gap="xl">
            <div>
              <PageTitle mb={4}>{pickLang(lang, rt.title, rt.title_en)}</PageTitle>
              <Group gap="xs" mb="sm">
                <EnumBadge name="RoundtableStatus" value={rt.status} />
              </Group>
              <Text size="sm" c="dimmed">
                {t("roundtable.hostedBy", {
                  host: pickLang(lang, rt.host_organisation_name, rt.host_organisation_name_en),
                })}
                {rt.founding_reference ? ` · ${rt.founding_reference}` : ""}
              </Text>
              {rt.description && (
                <Text size="sm" mt="sm" style={{ whiteSpace: "pre-line" }} dir="auto">
                  {rt.description}
                </Text>
              )}
            </div>
            <Section bare id="public-composition" title={t("composition.title")}>
              <CompositionView roundtableId={rt.id} />
            </Section>
            <Section bare id="public-summaries" title={t("public.summaries")}>
              <PublicSummaries roundtableId={rt.id} />
            </Section>
            <Section bare id="public-decisions" title={t("public.adoptedDecisions")}>
              <DecisionList
                roundtableId={rt.id}
                status={["adopted", "implemented"]}
                empty={t("public.noDecisions")}
              />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
