import { NavLink, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMe } from "../../shared/session/me";
import { canSeeAdmin } from "../../shared/session/permissions";
import { useSignedIn } from "../../shared/session/useSignedIn";

interface Item {
  to: string;
  label: string;
  exact?: boolean;
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const me = useMe();
  const { pathname } = useLocation();

  const items: Item[] = signedIn
    ? [
        { to: "/", label: t("nav.home"), exact: true },
        { to: "/roundtables", label: t("nav.roundtables") },
        { to: "/knowledge", label: t("nav.knowledge") },
        { to: "/decisions", label: t("nav.decisions") },
        { to: "/action-items", label: t("nav.actionItems") },
        ...(canSeeAdmin(me.data) ? [{ to: "/admin", label: t("nav.admin") }] : []),
        { to: "/public", label: t("nav.public") },
      ]
    : [
        { to: "/public", label: t("nav.public") },
        { to: "/sign-in", label: t("nav.signIn") },
      ];

  return (
    <nav aria-label={t("nav.label")}>
      <Stack gap={2}>
        {items.map((item) => {
          const active = item.exact
            ? pathname === item.to
            : pathname === item.to || pathname.startsWith(`${item.to}/`);
          return (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={active}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
            />
          );
        })}
      </Stack>
    </nav>
  );
}
