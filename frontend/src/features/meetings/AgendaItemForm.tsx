import { Button, Group, MultiSelect, NumberInput, Stack } from "@mantine/core";
import { TextInput, Textarea } from "../../shared/inputs";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MutationError } from "../../shared/feedback/MutationError";
import { useKnowledgeItems } from "../../shared/lookups";
import type { AgendaItem, AgendaItemCreate } from "./api";
import { useFieldErrors } from "../../shared/feedback/fieldErrors";

const FIELDS = new Set(["title", "planned_minutes", "description", "knowledge_item_ids"]);

/**
 * Add, edit or propose an agenda item. Facilitators and hosts also choose its briefing pack from
 * the roundtable's knowledge list.
 */
export function AgendaItemForm({
  roundtableId,
  item,
  withPack,
  submitLabel,
  error,
  pending,
  onSubmit,
  onCancel,
}: {
  roundtableId: string;
  item?: AgendaItem;
  withPack: boolean;
  submitLabel: string;
  error: unknown;
  pending: boolean;
  onSubmit: (body: AgendaItemCreate) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(item?.title ?? "");
  const [minutes, setMinutes] = useState<number | string>(item?.planned_minutes ?? "");
  const [description, setDescription] = useState(item?.description ?? "");
  const [pack, setPack] = useState<string[]>(item?.knowledge_item_ids ?? []);
  const knowledge = useKnowledgeItems({ roundtableId }, 100);
  const errors = useFieldErrors(error);
  const general = !!error && !Object.keys(errors).some((f) => FIELDS.has(f));

  const options = knowledge.items.map((k) => ({ value: k.id, label: k.title }));
  // Items already in the pack but not in the first page of the list still show as chosen.
  for (const id of pack)
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: id });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      title: title.trim(),
      description,
      planned_minutes: minutes === "" ? null : Number(minutes),
      ...(withPack ? { knowledge_item_ids: pack } : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && <MutationError error={error} />}
        <Group grow align="flex-start">
          <TextInput
            label={t("meetingPage.agenda.itemTitle")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
            maxLength={300}
          />
          <NumberInput
            label={t("meetingPage.agenda.plannedMinutes")}
            value={minutes}
            onChange={setMinutes}
            error={errors.planned_minutes}
            min={0}
            max={1440}
            allowDecimal={false}
            allowNegative={false}
            maw={180}
          />
        </Group>
        <Textarea
          label={t("meetingPage.agenda.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
        />
        {withPack && (
          <MultiSelect
            label={t("meetingPage.agenda.briefingPack")}
            description={t("meetingPage.agenda.briefingPackHint")}
            data={options}
            value={pack}
            onChange={setPack}
            searchable
            clearable
            nothingFoundMessage={t("meetingPage.agenda.noKnowledge")}
            error={errors.knowledge_item_ids}
          />
        )}
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("meetingPage.cancel")}
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
