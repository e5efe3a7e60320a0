import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { formatDate } from "../../i18n/format";
import { useLang } from "../../i18n/useLang";
import { useSearch, type SearchFilters, type SearchHit, type SearchPage } from "./api";
import { HighlightedSnippet } from "./HighlightedSnippet";
import { hitHref } from "./hits";

function KindLabel({ hit }: { hit: Pick<SearchHit, "entity_type" | "kind"> }) {
  const { t } = useTranslation();
  const enumName =
    hit.entity_type === "knowledge_item"
      ? "KnowledgeKind"
      : hit.entity_type === "decision"
        ? "DecisionKind"
        : null;
  if (!enumName) return null;
  return (
    <Badge variant="outline" color="gray" size="sm">
      {t(`enums.${enumName}.${hit.kind}`, { defaultValue: hit.kind })}
    </Badge>
  );
}

/** hspell's correction of a query that found nothing, as a link that searches for it instead. */
function DidYouMean({ suggestion }: { suggestion: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  next.set("q", suggestion);
  return (
    <Anchor component={Link} to={`?${next.toString()}`} data-testid="did-you-mean">
      {t("search.didYouMean", { q: suggestion })}
    </Anchor>
  );
}

export function SearchResults({ filters }: { filters: SearchFilters }) {
  const { t } = useTranslation();
  const lang = useLang();
  const results = useSearch(filters);
  const suggestion = (results.data?.pages[0] as SearchPage | undefined)?.did_you_mean;
  return (
    <QueryState
      query={{ ...results, data: results.data ? results.items : undefined }}
      isEmpty={(items) => items.length === 0}
      empty={
        <Stack gap={4}>
          <Text>{t("search.noResults", { q: filters.q })}</Text>
          {suggestion && <DidYouMean suggestion={suggestion} />}
        </Stack>
      }
      loadingLabel={t("search.searching")}
    >
      {(items) => (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" role="status">
            {t("search.resultsFor", { q: filters.q })}
          </Text>
          <Stack gap={0} component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {items.map((hit) => (
              <li
                key={`${hit.entity_type}-${hit.entity_id}`}
                data-testid="search-hit"
                style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
              >
                <Stack gap={4} py="sm">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Anchor
                      component={Link}
                      to={hitHref(hit)}
                      fw={600}
                      size="sm"
                      dir="auto"
                      lang={hit.language ?? undefined}
                    >
                      {hit.title}
                    </Anchor>
                    <Group gap={4} wrap="nowrap">
                      <Badge variant="light" color="indigo" size="sm">
                        {t(`search.types.${hit.entity_type}`, { defaultValue: hit.entity_type })}
                      </Badge>
                      <KindLabel hit={hit} />
                    </Group>
                  </Group>
                  <HighlightedSnippet
                    snippet={hit.snippet}
                    highlights={hit.highlights}
                    lang={hit.language}
                  />
                  <Text size="xs" c="dimmed">
                    {hit.occurred_on ? formatDate(hit.occurred_on, lang) : ""}
                    {hit.language ? ` · ${t(`enums.Language.${hit.language}`)}` : ""}
                  </Text>
                </Stack>
              </li>
            ))}
          </Stack>
          <LoadMore {...results} />
        </Stack>
      )}
    </QueryState>
  );
}
