import { Anchor, Breadcrumbs, Card, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { PageTitle } from "../../shared/layout/PageTitle";
import { useCreateKnowledgeItem } from "./api";
import { KnowledgeForm } from "./KnowledgeForm";

export default function KnowledgeNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateKnowledgeItem();
  return (
    <>
      <Breadcrumbs mb="sm" aria-label={t("nav.breadcrumbs")}>
        <Anchor component={Link} to="/knowledge" size="sm">
          {t("knowledge.title")}
        </Anchor>
        <Text size="sm" aria-current="page">
          {t("knowledge.new")}
        </Text>
      </Breadcrumbs>
      <PageTitle>{t("knowledge.new")}</PageTitle>
      <Card withBorder padding="md">
        <KnowledgeForm
          initialRoundtable={params.get("roundtable")}
          busy={create.isPending}
          error={create.error}
          onCancel={() => navigate(-1)}
          onSubmit={(values, saved) =>
            create.mutate(values, {
              onSuccess: (item) => {
                saved();
                navigate(`/knowledge/${item.id}`, { replace: true });
              },
            })
          }
        />
      </Card>
    </>
  );
}
