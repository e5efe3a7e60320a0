import { Card, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDate } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { goalProgressPercent, useGoalProgress, useGoals } from "./api";

export function GoalsSection({ roundtableId }: { roundtableId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const goals = useGoals(roundtableId);
  const progress = useGoalProgress(goals.items.map((g) => g.id));

  return (
    <QueryState
      query={{ ...goals, data: goals.data ? goals.items : undefined }}
      isEmpty={(items) => items.length === 0}
      empty={t("goals.empty")}
    >
      {(items) => (
        <Stack gap="sm">
          {items.map((goal, index) => {
            const p = progress[index];
            const percent = p?.data ? goalProgressPercent(p.data) : null;
            const decisions = p?.data
              ? Object.values(p.data.decisions_by_status).reduce((a, b) => a + b, 0)
              : 0;
            return (
              <Card key={goal.id} withBorder padding="sm" component="article">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={600} size="sm" dir="auto">
                      {goal.title}
                    </Text>
                    {goal.description && (
                      <Text size="sm" c="dimmed" dir="auto">
                        {goal.description}
                      </Text>
                    )}
                    {goal.target_date && (
                      <Text size="xs" c="dimmed">
                        {t("goals.target", { date: formatDate(goal.target_date, lang) })}
                      </Text>
                    )}
                  </Stack>
                  <EnumBadge name="GoalStatus" value={goal.status} />
                </Group>
                {p?.error ? (
                  <ErrorAlert error={p.error} />
                ) : p?.data ? (
                  <Stack gap={4} mt="xs">
                    {percent !== null && (
                      <Progress.Root>
                        <Progress.Section
                          value={percent}
                          aria-label={t("goals.progressLabel", { title: goal.title })}
                          aria-valuetext={t("goals.progressValue", { percent })}
                        />
                      </Progress.Root>
                    )}
                    <Text size="xs" c="dimmed">
                      {percent === null
                        ? t("goals.noDecisionsSummary", { agendaItems: p.data.agenda_items.length })
                        : t("goals.progressSummary", {
                            decisions,
                            percent,
                            agendaItems: p.data.agenda_items.length,
                          })}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="xs" c="dimmed" mt="xs">
                    {t("states.loading")}
                  </Text>
                )}
              </Card>
            );
          })}
          <LoadMore {...goals} />
        </Stack>
      )}
    </QueryState>
  );
}
