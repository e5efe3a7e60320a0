import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../shared/feedback/ErrorAlert";
import { MutationError } from "../../shared/feedback/MutationError";
import { EnumBadge } from "../../shared/enums/EnumBadge";
import { Empty, QueryState } from "../../shared/feedback/QueryState";
import { AgendaItemForm } from "./AgendaItemForm";
import { AgendaList } from "./AgendaList";
import {
  useAgenda,
  useAgendaMutations,
  useKnowledgeTitles,
  type Agenda,
  type AgendaItem,
  type Meeting,
} from "./api";
import { agendaOpen, type MeetingAbilities } from "./permissions";
import { sameOrder } from "./reorder";

/** The briefing pack: titles of the knowledge items attached to an agenda item, as links. */
export function BriefingPack({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const titles = useKnowledgeTitles(ids);
  if (ids.length === 0) return null;
  return (
    <Group gap={6} mt={4} wrap="wrap">
      <Text size="xs" c="dimmed">
        {t("meetingPage.agenda.briefingPack")}:
      </Text>
      {ids.map((id, i) => (
        <Anchor key={id} component={Link} to={`/knowledge/${id}`} size="xs" dir="auto">
          {titles[i]?.data?.title ??
            (titles[i]?.isPending ? "…" : t("meetingPage.agenda.knowledgeItem"))}
        </Anchor>
      ))}
    </Group>
  );
}

function ItemDetails({ item, presenters }: { item: AgendaItem; presenters: Map<string, string> }) {
  const { t } = useTranslation();
  const presenter = item.presenter_stakeholder_id
    ? presenters.get(item.presenter_stakeholder_id)
    : undefined;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600} dir="auto">
          {item.title}
        </Text>
        {item.planned_minutes != null && (
          <Badge variant="light" color="gray">
            {t("meetingPage.agenda.minutesShort", { count: item.planned_minutes })}
          </Badge>
        )}
        {item.status !== "accepted" && <EnumBadge name="AgendaItemStatus" value={item.status} />}
      </Group>
      {presenter && (
        <Text size="xs" c="dimmed">
          {t("meetingPage.agenda.presenter", { name: presenter })}
        </Text>
      )}
      {item.description && (
        <Text size="sm" dir="auto" style={{ whiteSpace: "pre-line" }}>
          {item.description}
        </Text>
      )}
      <BriefingPack ids={item.knowledge_item_ids ?? []} />
    </Stack>
  );
}

function Totals({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation();
  const share = agenda.meeting_minutes
    ? Math.min(100, (agenda.planned_minutes / agenda.meeting_minutes) * 100)
    : 0;
  const over = agenda.over_by_minutes > 0;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t("meetingPage.agenda.total", {
          planned: agenda.planned_minutes,
          length: agenda.meeting_minutes,
        })}
      </Text>
      {/* A picture of the sentence above, which says the same in words. */}
      <div aria-hidden>
        <Progress value={share} color={over ? "red" : "blue"} size="sm" />
      </div>
      {over && (
        <Alert color="orange" variant="light" role="status">
          {t("meetingPage.agenda.overBy", { count: agenda.over_by_minutes })}
        </Alert>
      )}
    </Stack>
  );
}

function ItemActions({
  item,
  onEdit,
  onDelete,
  deleting,
}: {
  item: AgendaItem;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={onEdit}
        aria-label={t("meetingPage.agenda.editItem", { title: item.title })}
      >
        {t("meetingPage.edit")}
      </Button>
      {confirming ? (
        <Button
          size="compact-sm"
          color="red.9"
          loading={deleting}
          onClick={onDelete}
          onBlur={() => setConfirming(false)}
          aria-label={t("meetingPage.agenda.confirmDelete", { title: item.title })}
        >
          {t("meetingPage.confirmDelete")}
        </Button>
      ) : (
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => setConfirming(true)}
          aria-label={t("meetingPage.agenda.deleteItem", { title: item.title })}
        >
          {t("meetingPage.delete")}
        </Button>
      )}
    </>
  );
}

export function AgendaSection({
  meeting,
  can,
  presenters,
}: {
  meeting: Meeting;
  can: MeetingAbilities;
  presenters: Map<string, string>;
}) {
  const { t } = useTranslation();
  const agenda = useAgenda(meeting.id);
  const mutations = useAgendaMutations(meeting.id);
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const open = agendaOpen(meeting);
  const manage = can.manage && open;
  const propose = !can.manage && can.propose && open;

  const reorder = (ids: string[]) => {
    setPendingOrder(ids);
    mutations.reorder.mutate(ids, { onSettled: () => setPendingOrder(null) });
  };

  return (
    <Stack gap="md">
      <QueryState query={agenda}>
        {(data) => {
          const accepted = data.items.filter((i) => i.status === "accepted");
          const proposed = data.items.filter((i) => i.status === "proposed");
          const declined = data.items.filter((i) => i.status === "declined");
          const serverIds = accepted.map((i) => i.id);
          const order =
            pendingOrder && pendingOrder.length === serverIds.length ? pendingOrder : serverIds;
          const byId = new Map(accepted.map((i) => [i.id, i]));
          const ordered = order.map((id) => byId.get(id)).filter((i): i is AgendaItem => !!i);
          return (
            <Stack gap="md">
              <Totals agenda={data} />
              {mutations.reorder.error && <ErrorAlert error={mutations.reorder.error} />}
              <MutationError error={mutations.remove.error ?? mutations.update.error} />
              {manage && accepted.length > 1 && (
                <Text size="xs" c="dimmed">
                  {t("meetingPage.agenda.reorderHint")}
                </Text>
              )}
              {ordered.length === 0 ? (
                <Empty>{t("meetingPage.agenda.empty")}</Empty>
              ) : (
                <AgendaList
                  items={ordered}
                  onReorder={
                    manage
                      ? (ids) => {
                          if (!sameOrder(ids, order)) reorder(ids);
                        }
                      : undefined
                  }
                  renderDetails={(item) =>
                    editing === item.id ? (
                      <AgendaItemForm
                        roundtableId={meeting.roundtable_id}
                        item={item}
                        withPack
                        submitLabel={t("meetingPage.save")}
                        error={mutations.update.error}
                        pending={mutations.update.isPending}
                        onCancel={() => setEditing(null)}
                        onSubmit={(body) =>
                          mutations.update.mutate(
                            { item, body },
                            { onSuccess: () => setEditing(null) },
                          )
                        }
                      />
                    ) : (
                      <ItemDetails item={item} presenters={presenters} />
                    )
                  }
                  renderActions={
                    manage && !editing
                      ? (item) => (
                          <ItemActions
                            item={item}
                            onEdit={() => {
                              mutations.update.reset();
                              setEditing(item.id);
                            }}
                            onDelete={() => mutations.remove.mutate(item)}
                            deleting={mutations.remove.isPending}
                          />
                        )
                      : undefined
                  }
                />
              )}
              {proposed.length > 0 && (
                <section aria-labelledby="agenda-proposed">
                  <Title order={3} size="h5" id="agenda-proposed" mb="xs">
                    {t("meetingPage.agenda.proposed")}
                  </Title>
                  <MutationError error={mutations.review.error} />
                  <Stack gap="xs">
                    {proposed.map((item) => (
                      <Card key={item.id} withBorder padding="xs">
                        <Group justify="space-between" align="flex-start" wrap="nowrap">
                          <ItemDetails item={item} presenters={presenters} />
                          {manage && (
                            <Group gap={4} wrap="nowrap">
                              <Button
                                size="compact-sm"
                                variant="light"
                                color="green"
                                onClick={() =>
                                  mutations.review.mutate({ item, status: "accepted" })
                                }
                                aria-label={t("meetingPage.agenda.acceptItem", {
                                  title: item.title,
                                })}
                              >
                                {t("meetingPage.agenda.accept")}
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="default"
                                onClick={() =>
                                  mutations.review.mutate({ item, status: "declined" })
                                }
                                aria-label={t("meetingPage.agenda.declineItem", {
                                  title: item.title,
                                })}
                              >
                                {t("meetingPage.agenda.decline")}
                              </Button>
                            </Group>
                          )}
                        </Group>
                      </Card>
                    ))}
                  </Stack>
                </section>
              )}
              {declined.length > 0 && (
                <section aria-labelledby="agenda-declined">
                  <Title order={3} size="h5" id="agenda-declined" mb="xs">
                    {t("meetingPage.agenda.declined")}
                  </Title>
                  <Stack gap={4}>
                    {declined.map((item) => (
                      <Text key={item.id} size="sm" c="dimmed" dir="auto">
                        {item.title}
                      </Text>
                    ))}
                  </Stack>
                </section>
              )}
            </Stack>
          );
        }}
      </QueryState>
      {(manage || propose) &&
        (adding ? (
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">
              {t(manage ? "meetingPage.agenda.add" : "meetingPage.agenda.propose")}
            </Title>
            <AgendaItemForm
              roundtableId={meeting.roundtable_id}
              withPack={manage}
              submitLabel={t(manage ? "meetingPage.agenda.add" : "meetingPage.agenda.propose")}
              error={mutations.create.error}
              pending={mutations.create.isPending}
              onCancel={() => setAdding(false)}
              onSubmit={(body) =>
                mutations.create.mutate(body, { onSuccess: () => setAdding(false) })
              }
            />
          </Card>
        ) : (
          <Group>
            <Button
              variant="light"
              onClick={() => {
                mutations.create.reset();
                setAdding(true);
              }}
            >
              {t(manage ? "meetingPage.agenda.add" : "meetingPage.agenda.propose")}
            </Button>
            {mutations.create.isSuccess && propose && (
              <Text size="sm" role="status">
                {t("meetingPage.agenda.proposedThanks")}
              </Text>
            )}
          </Group>
        ))}
      {!open && (
        <Text size="xs" c="dimmed">
          {t("meetingPage.agenda.closed")}
        </Text>
      )}
    </Stack>
  );
}
