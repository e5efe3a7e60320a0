import { lazy } from "react";
import type { RouteObject } from "react-router";
import { RequireAuth } from "../features/auth/RequireAuth";
import { AppLayout } from "../features/shell/AppLayout";

// One chunk per feature route: the first load carries only the shell.
const SignInPage = lazy(() => import("../features/auth/SignInPage"));
const HomePage = lazy(() => import("../pages/HomePage"));
const RoundtablesPage = lazy(() => import("../features/roundtables/RoundtablesPage"));
const RoundtablePage = lazy(() => import("../pages/RoundtablePage"));
const KnowledgePage = lazy(() => import("../features/knowledge/KnowledgePage"));
const DecisionsPage = lazy(() => import("../features/decisions/DecisionsPage"));
const AdminPage = lazy(() => import("../features/admin/AdminPage"));
const PublicPage = lazy(() => import("../pages/PublicPage"));
const PublicRoundtablePage = lazy(() => import("../pages/PublicRoundtablePage"));
// Meetings and their minutes (one chunk: the meeting page carries the minutes).
const MeetingPage = lazy(() => import("../pages/MeetingPage"));
const NotFoundPage = lazy(() => import("../features/shell/NotFoundPage"));
// Decisions, action items, knowledge (round two).
const DecisionPage = lazy(() => import("../pages/DecisionPage"));
const PublicDecisionPage = lazy(() => import("../pages/PublicDecisionPage"));
const MyActionItemsPage = lazy(() => import("../features/actionItems/MyActionItemsPage"));
const ApiTokensPage = lazy(() => import("../features/apiTokens/ApiTokensPage"));
const KnowledgeItemPage = lazy(() => import("../features/knowledge/KnowledgeItemPage"));
const KnowledgeNewPage = lazy(() => import("../features/knowledge/KnowledgeNewPage"));
const KnowledgeEditPage = lazy(() => import("../features/knowledge/KnowledgeEditPage"));

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
      // Decisions, action items, knowledge (round two).
      { path: "/public/decisions/:decisionId", element: <PublicDecisionPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: "/decisions/:decisionId", element: <DecisionPage /> },
          { path: "/action-items", element: <MyActionItemsPage /> },
          { path: "/api-tokens", element: <ApiTokensPage /> },
          { path: "/knowledge/new", element: <KnowledgeNewPage /> },
          { path: "/knowledge/:itemId", element: <KnowledgeItemPage /> },
          { path: "/knowledge/:itemId/edit", element: <KnowledgeEditPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
