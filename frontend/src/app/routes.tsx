import { lazy } from "react";
import type { RouteObject } from "react-router";
import { RequireAuth } from "../features/auth/RequireAuth";
import { AppLayout } from "../features/shell/AppLayout";

// One chunk per feature route: the first load carries only the shell.
const SignInPage = lazy(() => import("../features/auth/SignInPage"));
const HomePage = lazy(() => import("../features/home/HomePage"));
const RoundtablesPage = lazy(() => import("../features/roundtables/RoundtablesPage"));
const RoundtablePage = lazy(() => import("../features/roundtables/RoundtablePage"));
const KnowledgePage = lazy(() => import("../features/knowledge/KnowledgePage"));
const DecisionsPage = lazy(() => import("../features/decisions/DecisionsPage"));
const AdminPage = lazy(() => import("../features/admin/AdminPage"));
const PublicPage = lazy(() => import("../features/public/PublicPage"));
const PublicRoundtablePage = lazy(() => import("../features/public/PublicRoundtablePage"));
// Meetings and their minutes (one chunk: the meeting page carries the minutes).
const MeetingPage = lazy(() => import("../features/meetings/MeetingPage"));
const NotFoundPage = lazy(() => import("../features/shell/NotFoundPage"));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/public", element: <PublicPage /> },
      { path: "/public/roundtables/:roundtableId", element: <PublicRoundtablePage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: "/", element: <HomePage /> },
          { path: "/roundtables", element: <RoundtablesPage /> },
          { path: "/roundtables/:roundtableId", element: <RoundtablePage /> },
          { path: "/knowledge", element: <KnowledgePage /> },
          { path: "/decisions", element: <DecisionsPage /> },
          { path: "/admin", element: <AdminPage /> },
          { path: "/meetings/:meetingId", element: <MeetingPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
