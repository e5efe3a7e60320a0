import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../shared/layout/PageTitle";
import { pickLang, useLang } from "../../i18n/useLang";
import { useMe } from "../../shared/session/me";
import { useRoundtables } from "../../shared/lookups";
import { DecisionBoard } from "./DecisionBoard";

/** The decisions board across the roundtables I may see, or of one (`?roundtable=`). */
export default function DecisionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const roundtables = useRoundtables({}, 200);
  const roundtableId = params.get("roundtable") ?? undefined;
  const canPropose = (me.data?.roundtables ?? []).some(
    (r) =>
      r.permissions.includes("decisions:propose") &&
      (!roundtableId || r.roundtable_id === roundtableId),
  );
  return (
    <>
      <PageTitle>{t("decisions.title")}</PageTitle>
      <Select
        mb="md"
        w={{ base: "100%", sm: 420 }}
        label={t("decisions.roundtableFilter")}
        placeholder={t("decisions.allRoundtables")}
        clearable
        searchable
        value={roundtableId ?? null}
        onChange={(value) => setParams(value ? { roundtable: value } : {}, { replace: true })}
        data={roundtables.items.map((r) => ({
          value: r.id,
          label: pickLang(lang, r.title, r.title_en),
        }))}
      />
      <DecisionBoard
        key={roundtableId ?? "all"}
        roundtableId={roundtableId}
        canPropose={canPropose}
        roundtableTitles={
          roundtableId
            ? undefined
            : new Map(roundtables.items.map((r) => [r.id, pickLang(lang, r.title, r.title_en)]))
        }
      />
    </>
  );
}
