import {
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDay } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { groupForBoard, useDecisions, type DecisionSummary } from "./api";
import { ProposeDecisionForm } from "./ProposeDecisionForm";

function DecisionCard({
  decision,
  roundtableTitle,
}: {
  decision: DecisionSummary;
  roundtableTitle?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder padding="sm" component="li" data-testid="decision-card">
      <Stack gap={4}>
        <Anchor component={Link} to={`/decisions/${decision.id}`} fw={600} size="sm" dir="auto">
          {decision.title}
        </Anchor>
        <Group gap={6}>
          <Badge variant="outline" color="gray" size="sm">
            {t(`enums.DecisionKind.${decision.kind}`)}
          </Badge>
        </Group>
        {roundtableTitle && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {roundtableTitle}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {decision.adopted_at
            ? t("decision.adoptedOn", { date: formatDay(decision.adopted_at, null, lang) })
            : t("decision.updatedOn", { date: formatDay(decision.updated_at, null, lang) })}
        </Text>
      </Stack>
    </Card>
  );
}

function Column({
  title,
  items,
  titleOf,
}: {
  title: string;
  items: DecisionSummary[];
  titleOf: (roundtableId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      data-testid="board-column"
      style={{ minWidth: 168, flex: "1 1 0" }}
    >
      <Group gap={6} mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id={id}>
          {title}
        </Title>
        <Badge
          variant="light"
          color="gray"
          size="sm"
          aria-label={t("decisions.count", { count: items.length })}
        >
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t("decisions.columnEmpty")}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.map((decision) => (
            <DecisionCard
              key={decision.id}
              decision={decision}
              roundtableTitle={titleOf(decision.roundtable_id)}
            />
          ))}
        </Stack>
      )}
    </section>
  );
}

/**
 * Decisions in columns by status (proposed → implemented); rejected and withdrawn ones are folded
 * away. Cards link to the decision page. Those who may propose get the form.
 */
export function DecisionBoard({
  roundtableId,
  canPropose,
  roundtableTitles,
}: {
  roundtableId?: string;
  canPropose: boolean;
  /** Shown on each card when the board spans several roundtables. */
  roundtableTitles?: Map<string, string>;
}) {
  const { t } = useTranslation();
  const list = useDecisions({ roundtableId }, 200);
  const [closedOpen, closed] = useDisclosure(false);
  const [proposing, propose] = useDisclosure(false);
  const closedId = useId();

  const titleOf = (id: string) => roundtableTitles?.get(id);

  return (
    <Stack gap="md">
      {canPropose && (
        <Group>
          <Button onClick={propose.open}>{t("decisions.propose")}</Button>
        </Group>
      )}
      <Modal opened={proposing} onClose={propose.close} title={t("decisions.propose")} size="lg">
        <ProposeDecisionForm roundtableId={roundtableId} onCancel={propose.close} />
      </Modal>
      <QueryState
        query={{ ...list, data: list.data ? list.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={t("decision.empty")}
      >
        {(items) => {
          const groups = groupForBoard(items);
          return (
            <Stack gap="md">
              <ScrollArea type="auto" offsetScrollbars>
                <Group align="flex-start" wrap="nowrap" gap="md" data-testid="decision-board">
                  {groups.columns.map((column) => (
                    <Column
                      key={column.status}
                      title={t(`enums.DecisionStatus.${column.status}`)}
                      items={column.items}
                      titleOf={titleOf}
                    />
                  ))}
                </Group>
              </ScrollArea>
              {groups.closed.length > 0 && (
                <div>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={closed.toggle}
                    aria-expanded={closedOpen}
                    aria-controls={closedId}
                  >
                    {t(closedOpen ? "decisions.hideClosed" : "decisions.showClosed", {
                      count: groups.closed.length,
                    })}
                  </Button>
                  <Collapse expanded={closedOpen} id={closedId}>
                    <Stack
                      gap="xs"
                      mt="xs"
                      component="ul"
                      style={{ listStyle: "none", padding: 0, margin: 0 }}
                    >
                      {groups.closed.map((decision) => (
                        <Card key={decision.id} withBorder padding="xs" component="li">
                          <Group justify="space-between" wrap="nowrap">
                            <Anchor
                              component={Link}
                              to={`/decisions/${decision.id}`}
                              size="sm"
                              dir="auto"
                            >
                              {decision.title}
                            </Anchor>
                            <EnumBadge name="DecisionStatus" value={decision.status} />
                          </Group>
                        </Card>
                      ))}
                    </Stack>
                  </Collapse>
                </div>
              )}
              <LoadMore {...list} />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
