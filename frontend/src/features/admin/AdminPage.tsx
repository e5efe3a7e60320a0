import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { PageTitle } from "../../shared/layout/PageTitle";
import { Loading } from "../../shared/feedback/QueryState";
import { useMe, type PlatformPermission } from "../../shared/session/me";
import { canSeeAdmin } from "../../shared/session/permissions";
import { AuditTab } from "./AuditTab";
import { OrganisationsTab } from "./OrganisationsTab";
import { SectorsTab } from "./SectorsTab";
import { StakeholdersTab } from "./StakeholdersTab";
import { UsersTab } from "./UsersTab";

const TABS: { value: string; permission: PlatformPermission; Panel: () => React.JSX.Element }[] = [
  { value: "users", permission: "users:manage", Panel: UsersTab },
  { value: "sectors", permission: "sectors:manage", Panel: SectorsTab },
  { value: "organisations", permission: "organisations:manage", Panel: OrganisationsTab },
  { value: "stakeholders", permission: "stakeholders:manage", Panel: StakeholdersTab },
  { value: "audit", permission: "audit:view_all", Panel: AuditTab },
];

/** Platform administration: each tab only for those holding its platform permission. */
export default function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  if (me.isPending) return <Loading />;
  if (!canSeeAdmin(me.data)) return <Navigate to="/" replace />;
  const held = me.data?.platform_permissions ?? [];
  const visible = TABS.filter((tab) => me.data?.is_platform_admin || held.includes(tab.permission));
  const requested = params.get("tab");
  const tab = visible.find((v) => v.value === requested)?.value ?? visible[0]?.value ?? null;
  return (
    <>
      <PageTitle>{t("admin.title")}</PageTitle>
      {visible.length === 0 ? (
        <div>{t("admin.nothingHere")}</div>
      ) : (
        <Tabs
          value={tab}
          onChange={(value) => value && setParams({ tab: value }, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List mb="md">
            {visible.map(({ value }) => (
              <Tabs.Tab key={value} value={value}>
                {t(`admin.tabs.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {visible.map(({ value, Panel }) => (
            <Tabs.Panel key={value} value={value}>
              <Panel />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}
