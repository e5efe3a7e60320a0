import { Badge, type BadgeProps } from "@mantine/core";
import { useEnumLabel, type EnumName } from "./enumLabel";

const COLOURS: Record<string, string> = {
  active: "green",
  forming: "blue",
  paused: "yellow",
  concluded: "gray",
  public: "teal",
  internal: "grape",
  planned: "blue",
  confirmed: "green",
  held: "gray",
  cancelled: "red",
  yes: "green",
  no: "red",
  maybe: "yellow",
  pending: "gray",
  proposed: "blue",
  in_discussion: "yellow",
  agreed: "teal",
  adopted: "green",
  implemented: "green",
  rejected: "red",
  withdrawn: "gray",
  open: "blue",
  in_progress: "yellow",
  done: "green",
  dropped: "gray",
  achieved: "green",
  draft: "gray",
  circulated: "yellow",
  approved: "green",
  locked: "gray",
};

export function EnumBadge({
  name,
  value,
  ...props
}: { name: EnumName; value: string } & Omit<BadgeProps, "children">) {
  const label = useEnumLabel();
  return (
    <Badge
      variant="light"
      color={COLOURS[value] ?? "gray"}
      // A status must be read whole: never squeezed into an ellipsis by a narrow column.
      style={{ flexShrink: 0, minWidth: "max-content" }}
      {...props}
    >
      {label(name, value)}
    </Badge>
  );
}
