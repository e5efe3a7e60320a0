import { DirectionProvider, MantineProvider } from "@mantine/core";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { directionOf, i18n, isLanguage } from "../i18n";
import { cssVariablesResolver, theme } from "../theme";
import { DirectionSync } from "./DirectionSync";
import { SessionEvents } from "./SessionEvents";

export function Providers({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  const lang = isLanguage(i18n.language) ? i18n.language : "he";
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(lang)} detectDirection={false}>
        <MantineProvider
          theme={theme}
          cssVariablesResolver={cssVariablesResolver}
          defaultColorScheme="light"
        >
          <QueryClientProvider client={queryClient}>
            <DirectionSync />
            <SessionEvents />
            {children}
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
