import { Anchor, AppShell, Box, Burger, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { Loading } from "../../shared/feedback/QueryState";
import { isLanguage, setLanguage } from "../../i18n";
import { useMe } from "../../shared/session/me";
import { LanguageSwitch } from "./LanguageSwitch";
import { NavMenu } from "./NavMenu";
import { UserMenu } from "./UserMenu";
import classes from "./AppLayout.module.css";

/** At sign-in (and after a reload) the profile's language wins, once per person. */
let languageAppliedFor: string | null = null;

function ProfileLanguage() {
  const me = useMe();
  useEffect(() => {
    if (me.data && languageAppliedFor !== me.data.id) {
      languageAppliedFor = me.data.id;
      if (isLanguage(me.data.preferred_language)) void setLanguage(me.data.preferred_language);
    }
  }, [me.data]);
  return null;
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After navigating, move focus to the new page so screen readers and keyboards start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <ProfileLanguage />
      <a href="#main" className={classes.skipLink}>
        {t("nav.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(opened ? "nav.closeMenu" : "nav.openMenu")}
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text fw={700} size="lg">
                {t("app.name")}
              </Text>
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <NavMenu onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={main} tabIndex={-1} className={classes.main}>
        <Box className={classes.content}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
