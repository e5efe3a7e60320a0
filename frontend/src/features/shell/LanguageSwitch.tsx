import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { setLanguage, type Language } from "../../i18n";
import { useLang } from "../../i18n/useLang";
import { useUpdatePreferredLanguage } from "../../shared/session/me";
import { useSignedIn } from "../../shared/session/useSignedIn";

/** עברית | English — switches at once; for a signed-in person also saved on the profile. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const signedIn = useSignedIn();
  const save = useUpdatePreferredLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language.label")}
      value={lang}
      onChange={(value) => {
        const next = value as Language;
        void setLanguage(next);
        if (signedIn) save.mutate(next);
      }}
      data={[
        // Each language names itself, in its own script and direction.
        {
          value: "he",
          label: (
            <span lang="he" dir="rtl">
              {t("language.he")}
            </span>
          ),
        },
        {
          value: "en",
          label: (
            <span lang="en" dir="ltr">
              {t("language.en")}
            </span>
          ),
        },
      ]}
    />
  );
}
