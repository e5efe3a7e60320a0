import { useTranslation } from "react-i18next";

/** Enum names as in openapi.json; their labels live under `enums.<Name>.<value>` in the locales. */
export type EnumName =
  | "RoundtableStatus"
  | "Visibility"
  | "Role"
  | "MeetingStatus"
  | "MeetingMode"
  | "RsvpResponse"
  | "DecisionStatus"
  | "DecisionKind"
  | "ActionItemStatus"
  | "GoalStatus"
  | "KnowledgeKind"
  | "KnowledgeVisibility"
  | "MinutesStatus"
  | "AgendaItemStatus"
  | "Language";

export function useEnumLabel() {
  const { t } = useTranslation();
  return (name: EnumName, value: string) => t(`enums.${name}.${value}`, { defaultValue: value });
}
