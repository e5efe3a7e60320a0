import { Card, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { PageTitle } from "../../components/PageTitle";
import { Loading } from "../../components/QueryState";
import { useMe } from "../auth/api";
import { canSeeAdmin } from "../auth/permissions";

/** Admin screens (users, sectors, organisations, audit log) arrive in the next round. */
export default function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!canSeeAdmin(me.data)) return <Navigate to="/" replace />;
  return (
    <>
      <PageTitle>{t("admin.title")}</PageTitle>
      <Card withBorder padding="md">
        <Text mb="sm">{t("admin.intro")}</Text>
        <List size="sm">
          {me.data?.platform_permissions.map((permission) => (
            <List.Item key={permission}>
              <code dir="ltr">{permission}</code>
            </List.Item>
          ))}
        </List>
      </Card>
    </>
  );
}
