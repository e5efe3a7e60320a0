import { Button, Menu, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { signOut } from "../../api/client";
import { useMe } from "../../shared/session/me";
import { useSignedIn } from "../../shared/session/useSignedIn";

export function UserMenu() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { pathname } = useLocation();

  if (!signedIn) {
    if (pathname === "/sign-in") return null; // the form is right there
    return (
      <Button component={Link} to="/sign-in" size="xs" variant="light">
        {t("nav.signIn")}
      </Button>
    );
  }
  const name = me.data?.full_name ?? t("userMenu.account");
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="subtle"
          aria-label={t("userMenu.label", { name })}
          rightSection={<span aria-hidden>▾</span>}
        >
          <Text span size="sm" truncate maw={180}>
            {name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {me.data && (
          <Menu.Label>
            <span dir="ltr">{me.data.email}</span>
          </Menu.Label>
        )}
        <Menu.Item component={Link} to="/api-tokens">
          {t("userMenu.apiTokens")}
        </Menu.Item>
        <Menu.Item
          onClick={async () => {
            await signOut();
            queryClient.clear();
            navigate("/sign-in", { replace: true });
          }}
        >
          {t("userMenu.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
