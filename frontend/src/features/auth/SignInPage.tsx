import { Alert, Button, Card, Center, PasswordInput, Stack, Text } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { hasKeptDrafts } from "../../shared/drafts";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { signIn } from "../../api/client";
import { ApiError } from "../../api/problem";
import { session } from "../../api/session";
import { useErrorMessage } from "../../shared/feedback/useErrorMessage";
import { PageTitle } from "../../shared/layout/PageTitle";
import { useSignedIn } from "../../shared/session/useSignedIn";

/** Only same-app paths: never send a person to another site after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default function SignInPage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const signedIn = useSignedIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ended] = useState(() => session.peekEndReason());

  useEffect(() => {
    session.takeEndReason();
  }, []);

  if (signedIn && !busy) return <Navigate to={safeNext(params.get("next"))} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      queryClient.clear(); // nothing of a previous sign-in may show
      navigate(safeNext(params.get("next")), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) {
        setError(
          caught.retryAfter !== null
            ? t("signIn.tooManyAttempts", { seconds: caught.retryAfter })
            : message(caught),
        );
      } else if (caught instanceof ApiError && caught.status === 401) {
        // The API says "invalid_credentials" in English; the code's translation is what is shown.
        setError(
          caught.code === "invalid_credentials" ? t("signIn.badCredentials") : message(caught),
        );
      } else {
        setError(message(caught));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center py="xl">
      <Card withBorder shadow="sm" padding="xl" w="100%" maw={420}>
        <PageTitle ta="center">{t("signIn.title")}</PageTitle>
        {ended && ended !== "signed_out" && (
          <Alert color="yellow" mb="md" role="status">
            {t(ended === "revoked" ? "signIn.sessionRevoked" : "signIn.sessionExpired")}
            {hasKeptDrafts() && ` ${t("signIn.draftsKept")}`}
          </Alert>
        )}
        <form onSubmit={submit} noValidate aria-describedby={error ? "sign-in-error" : undefined}>
          <Stack>
            <TextInput
              label={t("signIn.email")}
              type="email"
              name="username"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              dir="ltr"
            />
            <PasswordInput
              label={t("signIn.password")}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              dir="ltr"
            />
            {error && (
              <Alert color="red" id="sign-in-error" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy} disabled={!email || !password}>
              {t("signIn.submit")}
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              {t("signIn.hint")}
            </Text>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
