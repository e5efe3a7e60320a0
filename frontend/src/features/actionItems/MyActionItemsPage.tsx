import { Card, SegmentedControl, useMatches, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { LoadMore } from "../../shared/layout/LoadMore";
import { PageTitle } from "../../shared/layout/PageTitle";
import { QueryState } from "../../shared/feedback/QueryState";
import { pickLang, useLang } from "../../i18n/useLang";
import { useMe } from "../../shared/session/me";
import { ActionItemRow } from "./ActionItemRow";
import { canUpdateStatus, useActionItems, type ActionItemFilters } from "./api";

const FILTERS = ["active", "open", "in_progress", "overdue", "done", "all"] as const;
type Filter = (typeof FILTERS)[number];

function filtersFor(filter: Filter): ActionItemFilters {
  switch (filter) {
    case "active":
      return { mine: true, status: ["open", "in_progress"] };
    case "open":
      return { mine: true, status: ["open"] };
    case "in_progress":
      return { mine: true, status: ["in_progress"] };
    case "overdue":
      return { mine: true, overdue: true };
    case "done":
      return { mine: true, status: ["done"] };
    case "all":
      return { mine: true };
  }
}

/** The action items I own, across my roundtables, with their status to update. */
export default function MyActionItemsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const requested = params.get("filter") as Filter | null;
  const filter: Filter = requested && FILTERS.includes(requested) ? requested : "active";
  const list = useActionItems(filtersFor(filter));
  // Six filters do not fit a phone's width side by side: there they stack.
  const orientation = useMatches<"vertical" | "horizontal">({ base: "vertical", sm: "horizontal" });
  const roundtable = (id: string) => me.data?.roundtables.find((r) => r.roundtable_id === id);
  return (
    <>
      <PageTitle>{t("actionItems.title")}</PageTitle>
      <SegmentedControl
        mb="md"
        orientation={orientation}
        fullWidth={orientation === "vertical"}
        aria-label={t("actionItems.filter")}
        value={filter}
        onChange={(value) =>
          setParams(value === "active" ? {} : { filter: value }, { replace: true })
        }
        data={FILTERS.map((f) => ({ value: f, label: t(`actionItems.filters.${f}`) }))}
      />
      <Card withBorder padding="md">
        <QueryState
          query={{ ...list, data: list.data ? list.items : undefined }}
          isEmpty={(items) => items.length === 0}
          empty={t("actionItems.empty")}
        >
          {(items) => (
            <>
              <Stack gap={0} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {items.map((item) => {
                  const rt = roundtable(item.roundtable_id);
                  return (
                    <li
                      key={item.id}
                      style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}
                    >
                      <ActionItemRow
                        item={item}
                        context={rt ? pickLang(lang, rt.title, rt.title_en) : undefined}
                        canUpdate={canUpdateStatus(
                          item,
                          rt?.permissions ?? [],
                          me.data?.stakeholder_id,
                        )}
                      />
                    </li>
                  );
                })}
              </Stack>
              <LoadMore {...list} />
            </>
          )}
        </QueryState>
      </Card>
    </>
  );
}
