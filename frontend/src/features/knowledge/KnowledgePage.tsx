import { Button, Card, Collapse, Group, SegmentedControl, Select, SimpleGrid } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useDisclosure } from "@mantine/hooks";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageTitle } from "../../shared/layout/PageTitle";
import { pickLang, useLang } from "../../i18n/useLang";
import { useMe } from "../../shared/session/me";
import { useRoundtables } from "../../shared/lookups";
import { KNOWLEDGE_KINDS, type KnowledgeKind, type SearchFilters } from "./api";
import { KnowledgeList } from "./KnowledgeList";
import { SearchResults } from "./SearchResults";

const ENTITY_TYPES = ["knowledge_item", "decision", "minutes", "meeting", "action_item"] as const;

/**
 * The knowledge library: full-text search (Hebrew and English) with filters and highlighted
 * snippets, or — without a query — the items I may see, filtered. Everything lives in the URL.
 */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  const [filtersOpen, filters] = useDisclosure(
    ["roundtable", "kind", "language", "tag", "from", "to", "type"].some((k) => params.has(k)),
  );
  const roundtables = useRoundtables({}, 200);
  const library = params.get("scope") === "library";
  const kind = (params.get("kind") as KnowledgeKind | null) ?? undefined;
  const language = (params.get("language") as "he" | "en" | null) ?? undefined;
  const roundtableId = params.get("roundtable") ?? undefined;
  const tag = params.get("tag") ?? undefined;
  const canAdd =
    !!me.data &&
    (me.data.platform_permissions.includes("knowledge_library:manage") ||
      me.data.roundtables.some((r) => r.permissions.includes("knowledge:add")));

  function update(key: string, value: string | null | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update("q", draft.trim());
  }

  const search: SearchFilters = {
    q,
    roundtableId,
    kind,
    language,
    tag,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    entityType: (params.get("type") as SearchFilters["entityType"] | null) ?? undefined,
  };

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t("knowledge.title")}</PageTitle>
        {canAdd && (
          <Button component={Link} to="/knowledge/new">
            {t("knowledge.new")}
          </Button>
        )}
      </Group>
      <Card withBorder padding="md" mb="md">
        <form role="search" onSubmit={submit} aria-label={t("search.label")}>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t("search.query")}
              description={t("search.hint")}
              type="search"
              name="q"
              value={draft}
              onChange={(e) => {
                setDraft(e.currentTarget.value);
                if (!e.currentTarget.value) update("q", null);
              }}
              dir="auto"
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button type="submit">{t("search.submit")}</Button>
            <Button
              variant="subtle"
              onClick={filters.toggle}
              aria-expanded={filtersOpen}
              aria-controls="knowledge-filters"
            >
              {t("search.filters")}
            </Button>
          </Group>
          <Collapse expanded={filtersOpen} id="knowledge-filters">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mt="sm" spacing="sm">
              <Select
                label={t("search.roundtable")}
                placeholder={t("search.any")}
                clearable
                searchable
                value={roundtableId ?? null}
                onChange={(v) => update("roundtable", v)}
                data={roundtables.items.map((r) => ({
                  value: r.id,
                  label: pickLang(lang, r.title, r.title_en),
                }))}
              />
              <Select
                label={t("search.kind")}
                placeholder={t("search.any")}
                clearable
                value={kind ?? null}
                onChange={(v) => update("kind", v)}
                data={KNOWLEDGE_KINDS.map((k) => ({
                  value: k,
                  label: t(`enums.KnowledgeKind.${k}`),
                }))}
              />
              <Select
                label={t("search.language")}
                placeholder={t("search.any")}
                clearable
                value={language ?? null}
                onChange={(v) => update("language", v)}
                data={(["he", "en"] as const).map((l) => ({
                  value: l,
                  label: t(`enums.Language.${l}`),
                }))}
              />
              <TextInput
                label={t("search.tag")}
                value={tag ?? ""}
                onChange={(e) => update("tag", e.currentTarget.value.trim())}
                dir="auto"
              />
              {q && (
                <>
                  <Select
                    label={t("search.type")}
                    placeholder={t("search.any")}
                    clearable
                    value={search.entityType ?? null}
                    onChange={(v) => update("type", v)}
                    data={ENTITY_TYPES.map((e) => ({ value: e, label: t(`search.types.${e}`) }))}
                  />
                  <TextInput
                    label={t("search.from")}
                    type="date"
                    value={search.from ?? ""}
                    onChange={(e) => update("from", e.currentTarget.value)}
                  />
                  <TextInput
                    label={t("search.to")}
                    type="date"
                    value={search.to ?? ""}
                    onChange={(e) => update("to", e.currentTarget.value)}
                  />
                </>
              )}
            </SimpleGrid>
          </Collapse>
        </form>
      </Card>
      {q ? (
        <Card withBorder padding="md">
          <SearchResults filters={search} />
        </Card>
      ) : (
        <>
          <SegmentedControl
            mb="md"
            aria-label={t("knowledge.scope")}
            value={library ? "library" : "all"}
            onChange={(value) => update("scope", value === "library" ? "library" : null)}
            data={[
              { value: "all", label: t("knowledge.scopeAll") },
              { value: "library", label: t("knowledge.scopeLibrary") },
            ]}
          />
          <Card withBorder padding="md">
            <KnowledgeList
              library={library}
              roundtableId={roundtableId}
              filters={{ kind, language, tag }}
            />
          </Card>
        </>
      )}
    </>
  );
}
