import { Title, type TitleProps } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The page's single h1; also sets the document title ("… · Shulchan"). */
export function PageTitle({ children, ...props }: { children: string } & TitleProps) {
  const { t } = useTranslation();
  const app = t("app.name");
  useEffect(() => {
    document.title = `${children} · ${app}`;
  }, [children, app]);
  return (
    <Title order={1} size="h2" mb="md" {...props}>
      {children}
    </Title>
  );
}
