import { Button, Group, MultiSelect, Select, Stack, Tabs } from "@mantine/core";
import { TextInput, Textarea } from "../../shared/inputs";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { formatDateTime } from "../../i18n/format";
import { pickLang, useLang } from "../../i18n/useLang";
import { useMe } from "../../shared/session/me";
import { Markdown } from "../../shared/markdown";
import { useGoals, useRoundtableMeetings } from "../../shared/lookups";
import { DECISION_KINDS, useCreateDecision, type DecisionKind } from "./api";
import { MutationError } from "../../shared/feedback/MutationError";

/** Meeting and goal choices of one roundtable. */
function RoundtableLinks({
  roundtableId,
  meetingId,
  goalIds,
  onMeeting,
  onGoals,
}: {
  roundtableId: string;
  meetingId: string | null;
  goalIds: string[];
  onMeeting: (id: string | null) => void;
  onGoals: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const meetings = useRoundtableMeetings(roundtableId);
  const goals = useGoals(roundtableId);
  return (
    <>
      <Select
        label={t("decision.form.meeting")}
        placeholder={meetings.isPending ? t("states.loading") : t("decision.form.noMeeting")}
        clearable
        searchable
        value={meetingId}
        onChange={onMeeting}
        data={meetings.items.map((m) => ({
          value: m.id,
          label: `${m.title} · ${formatDateTime(m.starts_at, m.timezone, lang)}`,
        }))}
        error={meetings.error ? t("decision.form.meetingsFailed") : undefined}
      />
      <MultiSelect
        label={t("decision.form.goals")}
        placeholder={goals.isPending ? t("states.loading") : undefined}
        searchable
        clearable
        value={goalIds}
        onChange={onGoals}
        data={goals.items.map((g) => ({ value: g.id, label: g.title }))}
        nothingFoundMessage={t("decision.form.noGoals")}
      />
    </>
  );
}

/** Propose a decision (kind, title, markdown text, meeting, goals) at a roundtable. */
export function ProposeDecisionForm({
  roundtableId: fixedRoundtable,
  onCancel,
}: {
  roundtableId?: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateDecision();
  const choices = (me.data?.roundtables ?? []).filter((r) =>
    r.permissions.includes("decisions:propose"),
  );
  const [roundtableId, setRoundtableId] = useState<string | null>(
    fixedRoundtable ?? (choices.length === 1 ? choices[0].roundtable_id : null),
  );
  const [kind, setKind] = useState<DecisionKind>("agreement");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [tab, setTab] = useState<string | null>("write");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!roundtableId || !title.trim()) return;
    create.mutate(
      {
        roundtableId,
        body: { kind, title: title.trim(), text, meeting_id: meetingId, goal_ids: goalIds },
      },
      { onSuccess: (decision) => navigate(`/decisions/${decision.id}`) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!fixedRoundtable && (
          <Select
            label={t("decision.form.roundtable")}
            required
            value={roundtableId}
            onChange={(value) => {
              setRoundtableId(value);
              setMeetingId(null);
              setGoalIds([]);
            }}
            data={choices.map((r) => ({
              value: r.roundtable_id,
              label: pickLang(lang, r.title, r.title_en),
            }))}
          />
        )}
        <Select
          label={t("decision.form.kind")}
          required
          allowDeselect={false}
          value={kind}
          onChange={(value) => value && setKind(value as DecisionKind)}
          data={DECISION_KINDS.map((k) => ({ value: k, label: t(`enums.DecisionKind.${k}`) }))}
        />
        <TextInput
          label={t("decision.form.title")}
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          dir="auto"
        />
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List aria-label={t("decision.form.text")}>
            <Tabs.Tab value="write">{t("formKit.write")}</Tabs.Tab>
            <Tabs.Tab value="preview">{t("formKit.preview")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="xs">
            <Textarea
              label={t("decision.form.text")}
              description={t("formKit.markdownHint")}
              autosize
              minRows={6}
              maxRows={18}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              dir="auto"
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="xs">
            {text.trim() ? <Markdown source={text} /> : <div>{t("formKit.nothingToPreview")}</div>}
          </Tabs.Panel>
        </Tabs>
        {roundtableId && (
          <RoundtableLinks
            roundtableId={roundtableId}
            meetingId={meetingId}
            goalIds={goalIds}
            onMeeting={setMeetingId}
            onGoals={setGoalIds}
          />
        )}
        <MutationError error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("formKit.cancel")}
          </Button>
          <Button
            type="submit"
            loading={create.isPending}
            disabled={!roundtableId || !title.trim()}
          >
            {t("decision.form.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
