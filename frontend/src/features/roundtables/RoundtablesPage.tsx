import { Group, Select, SimpleGrid } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { LoadMore } from "../../shared/layout/LoadMore";
import { PageTitle } from "../../shared/layout/PageTitle";
import { QueryState } from "../../shared/feedback/QueryState";
import { useRoundtables, type RoundtableStatus } from "./api";
import { RoundtableCard } from "./RoundtableCard";

const STATUSES: RoundtableStatus[] = ["forming", "active", "paused", "concluded"];

export default function RoundtablesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const statusParam = params.get("status");
  const status = STATUSES.find((s) => s === statusParam);
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const list = useRoundtables({ q: debouncedQ, status });

  function update(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <>
      <PageTitle>{t("roundtables.title")}</PageTitle>
      <Group mb="md" align="flex-end" role="search">
        <TextInput
          label={t("roundtables.search")}
          placeholder={t("roundtables.searchPlaceholder")}
          type="search"
          value={q}
          onChange={(e) => update("q", e.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
        />
        <Select
          label={t("roundtables.statusFilter")}
          placeholder={t("roundtables.anyStatus")}
          clearable
          value={status ?? null}
          onChange={(value) => update("status", value)}
          data={STATUSES.map((s) => ({ value: s, label: t(`enums.RoundtableStatus.${s}`) }))}
          w={{ base: "100%", sm: 200 }}
        />
      </Group>
      <QueryState
        query={{ ...list, data: list.data ? list.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={t("roundtables.empty")}
      >
        {(items) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {items.map((roundtable) => (
                <RoundtableCard
                  key={roundtable.id}
                  roundtable={roundtable}
                  to={`/roundtables/${roundtable.id}`}
                />
              ))}
            </SimpleGrid>
            <LoadMore {...list} />
          </>
        )}
      </QueryState>
    </>
  );
}
