import { Button, Group, Select, Stack } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useDisclosure } from "@mantine/hooks";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { pickLang, useLang } from "../../i18n/useLang";
import { MutationError } from "../../shared/feedback/MutationError";
import { ActionItemRow } from "./ActionItemRow";
import { canUpdateStatus, useActionItems, useCreateActionItem, useCurrentSeats } from "./api";

function CreateActionItem({
  roundtableId,
  decisionId,
  onDone,
}: {
  roundtableId: string;
  decisionId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const seats = useCurrentSeats(roundtableId);
  const create = useCreateActionItem(roundtableId);
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState<string | null>(null);
  const [due, setDue] = useState("");
  // One option per person (a person may hold several seats).
  const owners = new Map<string, string>();
  for (const seat of seats.data?.items ?? [])
    if (!owners.has(seat.stakeholder_id))
      owners.set(
        seat.stakeholder_id,
        `${pickLang(lang, seat.stakeholder_name, seat.stakeholder_name_en)}${
          seat.organisation_name ? ` · ${seat.organisation_name}` : ""
        }`,
      );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim() || !owner) return;
    create.mutate(
      {
        title: title.trim(),
        description: "",
        owner_stakeholder_id: owner,
        due_date: due || null,
        decision_id: decisionId,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form onSubmit={submit} data-testid="create-action-item">
      <Stack gap="sm">
        <TextInput
          label={t("actionItem.title")}
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          dir="auto"
        />
        <Group grow align="flex-start">
          <Select
            label={t("actionItem.ownerLabel")}
            required
            searchable
            value={owner}
            onChange={setOwner}
            placeholder={seats.isPending ? t("states.loading") : undefined}
            error={seats.error ? t("actionItem.seatsFailed") : undefined}
            data={[...owners].map(([value, label]) => ({ value, label }))}
          />
          <TextInput
            label={t("actionItem.dueDate")}
            type="date"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
          />
        </Group>
        <MutationError error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("formKit.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!title.trim() || !owner}>
            {t("actionItem.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The action items of a decision; facilitators and hosts add them, owners move their own. */
export function DecisionActionItems({
  roundtableId,
  decisionId,
  permissions,
  myStakeholderId,
}: {
  roundtableId: string;
  decisionId: string;
  permissions: readonly string[];
  myStakeholderId: string | null | undefined;
}) {
  const { t } = useTranslation();
  const list = useActionItems({ decisionId });
  const [adding, add] = useDisclosure(false);
  const canManage = permissions.includes("action_items:manage");
  return (
    <Stack gap="sm">
      <QueryState
        query={{ ...list, data: list.data ? list.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={t("actionItem.noneForDecision")}
      >
        {(items) => (
          <>
            <Stack gap={0} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {items.map((item) => (
                <li key={item.id} style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
                  <ActionItemRow
                    item={item}
                    canUpdate={canUpdateStatus(item, permissions, myStakeholderId)}
                  />
                </li>
              ))}
            </Stack>
            <LoadMore {...list} />
          </>
        )}
      </QueryState>
      {canManage &&
        (adding ? (
          <CreateActionItem
            roundtableId={roundtableId}
            decisionId={decisionId}
            onDone={add.close}
          />
        ) : (
          <Group>
            <Button variant="light" onClick={add.open}>
              {t("actionItem.add")}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
