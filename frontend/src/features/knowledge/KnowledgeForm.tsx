import { Button, Group, Select, SimpleGrid, Stack, Tabs } from "@mantine/core";
import { TagsInput, TextInput, Textarea } from "../../shared/inputs";
import { useState, type FormEvent } from "react";
import { useDraft } from "../../shared/drafts";
import { useTranslation } from "react-i18next";
import { pickLang, useLang } from "../../i18n/useLang";
import { useMe } from "../../shared/session/me";
import { MutationError } from "../../shared/feedback/MutationError";
import { useRoundtables } from "../../shared/lookups";
import {
  KNOWLEDGE_KINDS,
  type KnowledgeItem,
  type KnowledgeItemCreate,
  type KnowledgeKind,
  type KnowledgeVisibility,
} from "./api";
import { Markdown } from "../../shared/markdown";
import { canChooseFacilitatorsOnly } from "./permissions";

const LIBRARY = "__library__";

export interface KnowledgeFormValues extends Omit<KnowledgeItemCreate, "links"> {
  roundtable_id: string | null;
}

/**
 * Create or edit a knowledge item: kind, title, body (markdown, with a preview), summary, tags,
 * language, authors, link, visibility. "Facilitators only" is offered only to facilitators.
 */
export function KnowledgeForm({
  item,
  initialRoundtable,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  item?: KnowledgeItem;
  initialRoundtable?: string | null;
  busy: boolean;
  error: unknown;
  /** `saved` forgets the text kept in the browser: call it once the API has the item. */
  onSubmit: (values: KnowledgeFormValues, saved: () => void) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const roundtables = useRoundtables({}, 200);
  const libraryAllowed = !!me.data?.platform_permissions.includes("knowledge_library:manage");
  const addable = roundtables.items.filter((r) => r.my_permissions.includes("knowledge:add"));
  const [roundtable, setRoundtable] = useState<string | null>(
    item
      ? (item.roundtable_id ?? LIBRARY)
      : (initialRoundtable ?? (addable.length === 1 ? addable[0].id : null)),
  );
  const [kind, setKind] = useState<KnowledgeKind>(item?.kind ?? "background_paper");
  const draft = `knowledge:${item?.id ?? "new"}`;
  const [title, setTitle, forgetTitle] = useDraft(`${draft}:title`, item?.title ?? "");
  const [body, setBody, forgetBody] = useDraft(`${draft}:body`, item?.body ?? "");
  const forgetDrafts = () => {
    forgetTitle();
    forgetBody();
  };
  const [summary, setSummary] = useState(item?.summary ?? "");
  const [tags, setTags] = useState<string[]>(item?.tags ?? []);
  const [language, setLanguage] = useState<"he" | "en">(item?.language ?? lang);
  const [authors, setAuthors] = useState<string[]>(item?.authors ?? []);
  const [url, setUrl] = useState(item?.url ?? "");
  const [visibility, setVisibility] = useState<KnowledgeVisibility>(
    item?.visibility ?? "roundtable",
  );
  const [tab, setTab] = useState<string | null>("write");

  const roundtableId = roundtable === LIBRARY ? null : roundtable;
  const permissions = roundtables.items.find((r) => r.id === roundtableId)?.my_permissions ?? [];
  const facilitatorsOk = canChooseFacilitatorsOnly(me.data, roundtableId, permissions);
  const visibilities: KnowledgeVisibility[] = facilitatorsOk
    ? ["roundtable", "public", "facilitators"]
    : ["roundtable", "public"];
  const urlValid = !url.trim() || /^https?:\/\//i.test(url.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim() || roundtable === null || !urlValid) return;
    onSubmit(
      {
        roundtable_id: roundtableId,
        kind,
        title: title.trim(),
        body,
        summary,
        tags,
        language,
        authors,
        url: url.trim() || null,
        visibility: visibilities.includes(visibility) ? visibility : "roundtable",
      },
      forgetDrafts,
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="knowledge-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("knowledge.fields.roundtable")}
            required
            disabled={!!item}
            value={roundtable}
            onChange={setRoundtable}
            placeholder={roundtables.isPending ? t("states.loading") : undefined}
            data={[
              ...(libraryAllowed || item?.roundtable_id === null
                ? [{ value: LIBRARY, label: t("knowledge.sharedLibrary") }]
                : []),
              ...(item && item.roundtable_id && !addable.some((r) => r.id === item.roundtable_id)
                ? [{ value: item.roundtable_id, label: t("knowledge.thisRoundtable") }]
                : []),
              ...addable.map((r) => ({ value: r.id, label: pickLang(lang, r.title, r.title_en) })),
            ]}
          />
          <Select
            label={t("knowledge.fields.kind")}
            required
            allowDeselect={false}
            value={kind}
            onChange={(v) => v && setKind(v as KnowledgeKind)}
            data={KNOWLEDGE_KINDS.map((k) => ({ value: k, label: t(`enums.KnowledgeKind.${k}`) }))}
          />
        </SimpleGrid>
        <TextInput
          label={t("knowledge.fields.title")}
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          dir="auto"
        />
        <Textarea
          label={t("knowledge.fields.summary")}
          autosize
          minRows={2}
          maxLength={5000}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          dir="auto"
        />
        <Tabs value={tab} onChange={setTab}>
          <Tabs.List aria-label={t("knowledge.fields.body")}>
            <Tabs.Tab value="write">{t("formKit.write")}</Tabs.Tab>
            <Tabs.Tab value="preview">{t("formKit.preview")}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="xs">
            <Textarea
              label={t("knowledge.fields.body")}
              description={t("formKit.markdownHint")}
              autosize
              minRows={8}
              maxRows={24}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              dir="auto"
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="xs" data-testid="body-preview">
            {body.trim() ? (
              <Markdown source={body} lang={language} />
            ) : (
              t("formKit.nothingToPreview")
            )}
          </Tabs.Panel>
        </Tabs>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TagsInput
            label={t("knowledge.fields.tags")}
            description={t("knowledge.tagsHint")}
            value={tags}
            onChange={setTags}
            maxTags={30}
            clearable
          />
          <TagsInput
            label={t("knowledge.fields.authors")}
            description={t("knowledge.tagsHint")}
            value={authors}
            onChange={setAuthors}
            maxTags={30}
            clearable
          />
          <Select
            label={t("knowledge.fields.language")}
            required
            allowDeselect={false}
            value={language}
            onChange={(v) => v && setLanguage(v as "he" | "en")}
            data={(["he", "en"] as const).map((l) => ({
              value: l,
              label: t(`enums.Language.${l}`),
            }))}
          />
          <Select
            label={t("knowledge.fields.visibility")}
            required
            allowDeselect={false}
            value={visibility}
            onChange={(v) => v && setVisibility(v as KnowledgeVisibility)}
            data={visibilities.map((v) => ({
              value: v,
              label: t(`enums.KnowledgeVisibility.${v}`),
            }))}
          />
        </SimpleGrid>
        <TextInput
          label={t("knowledge.fields.url")}
          type="url"
          dir="ltr"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={urlValid ? undefined : t("knowledge.urlInvalid")}
        />
        <MutationError error={error} />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              forgetDrafts(); // cancelling means the text is not wanted
              onCancel();
            }}
          >
            {t("formKit.cancel")}
          </Button>
          <Button
            type="submit"
            loading={busy}
            disabled={!title.trim() || roundtable === null || !urlValid}
          >
            {t("formKit.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
