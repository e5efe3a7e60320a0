import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { createQueryClient } from "../api/queryClient";
import { Providers } from "../app/Providers";
import { initI18n } from "../i18n";

/** Render with the app's providers (Mantine, direction, i18n, TanStack Query) and a memory router. */
export function renderApp(element: ReactElement, { path = "/" }: { path?: string } = {}) {
  initI18n();
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const router = createMemoryRouter(
    [
      { path: "*", element },
      { path: "/", element },
    ],
    { initialEntries: [path] },
  );
  const result = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, queryClient, router };
}
