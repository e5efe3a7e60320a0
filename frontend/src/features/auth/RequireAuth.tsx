import { Navigate, Outlet, useLocation } from "react-router";
import { useSignedIn } from "../../shared/session/useSignedIn";

/** Routes behind sign-in: without a session, go to /sign-in and come back afterwards. */
export function RequireAuth() {
  const signedIn = useSignedIn();
  const location = useLocation();
  if (!signedIn) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
