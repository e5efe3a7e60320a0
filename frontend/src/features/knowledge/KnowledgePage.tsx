import { Card, SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { KnowledgeList } from "./KnowledgeList";

/** The knowledge library: everything I may see, or only the shared library. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const library = params.get("scope") === "library";
  return (
    <>
      <PageTitle>{t("knowledge.title")}</PageTitle>
      <SegmentedControl
        mb="md"
        aria-label={t("knowledge.scope")}
        value={library ? "library" : "all"}
        onChange={(value) =>
          setParams(value === "library" ? { scope: "library" } : {}, { replace: true })
        }
        data={[
          { value: "all", label: t("knowledge.scopeAll") },
          { value: "library", label: t("knowledge.scopeLibrary") },
        ]}
      />
      <Card withBorder padding="md">
        <KnowledgeList library={library} />
      </Card>
    </>
  );
}
