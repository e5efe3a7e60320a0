import { ActionIcon, Box, Group, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AgendaItem } from "./api";
import { moveBy, moveTo } from "./reorder";
import classes from "./meetings.module.css";

/**
 * The accepted agenda items in order. When `onReorder` is given the items can be dragged (native
 * HTML5 drag and drop) or moved with the up/down buttons (the keyboard way); each move hands the
 * whole new order to `onReorder`, which saves it in one call.
 */
export function AgendaList({
  items,
  onReorder,
  renderDetails,
  renderActions,
}: {
  items: AgendaItem[];
  onReorder?: (ids: string[]) => void;
  renderDetails: (item: AgendaItem) => ReactNode;
  renderActions?: (item: AgendaItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const [dragId, setDragId] = useState<string | null>(null);
  const [overIndex, setOverIndex] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const refocus = useRef<{ id: string; dir: "up" | "down" } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const ids = items.map((item) => item.id);

  // After a keyboard move keep focus on the moved item's button (or its twin at the list's ends).
  useEffect(() => {
    const want = refocus.current;
    if (!want) return;
    refocus.current = null;
    const same = buttons.current.get(`${want.id}:${want.dir}`);
    const other = buttons.current.get(`${want.id}:${want.dir === "up" ? "down" : "up"}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [items]);

  const announce = (next: string[], id: string) => {
    const item = items.find((i) => i.id === id);
    setAnnouncement(
      t("meetingPage.agenda.moved", {
        title: item?.title ?? "",
        position: next.indexOf(id) + 1,
        count: next.length,
      }),
    );
  };

  const move = (id: string, delta: -1 | 1) => {
    const next = moveBy(ids, id, delta);
    refocus.current = { id, dir: delta < 0 ? "up" : "down" };
    announce(next, id);
    onReorder?.(next);
  };

  const drop = (event: DragEvent, index: number) => {
    event.preventDefault();
    const id = dragId ?? event.dataTransfer.getData("text/plain");
    setDragId(null);
    setOverIndex(null);
    const from = ids.indexOf(id);
    if (from < 0 || from === index) return;
    const next = moveTo(ids, from, index);
    announce(next, id);
    onReorder?.(next);
  };

  const reorderable = !!onReorder && items.length > 1;

  return (
    <>
      <Stack component="ol" gap="xs" p={0} m={0} className={classes.agendaList}>
        {items.map((item, index) => (
          <Box
            component="li"
            key={item.id}
            className={classes.agendaItem}
            data-dragging={dragId === item.id || undefined}
            data-over={(overIndex === index && dragId !== item.id) || undefined}
            draggable={reorderable}
            onDragStart={(event: DragEvent) => {
              event.dataTransfer.setData("text/plain", item.id);
              event.dataTransfer.effectAllowed = "move";
              setDragId(item.id);
            }}
            onDragOver={(event: DragEvent) => {
              if (!reorderable) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = "move";
              if (overIndex !== index) setOverIndex(index);
            }}
            onDragLeave={() => setOverIndex((i) => (i === index ? null : i))}
            onDrop={(event: DragEvent) => reorderable && drop(event, index)}
            onDragEnd={() => {
              setDragId(null);
              setOverIndex(null);
            }}
            data-testid="agenda-item"
          >
            <Group align="flex-start" wrap="nowrap" gap="sm">
              {reorderable && (
                <Text
                  aria-hidden
                  className={classes.dragHandle}
                  title={t("meetingPage.agenda.drag")}
                >
                  ⠿
                </Text>
              )}
              <Text fw={700} className={classes.position} aria-hidden>
                {index + 1}.
              </Text>
              <Box style={{ flex: 1, minWidth: 0 }}>{renderDetails(item)}</Box>
              <Group gap={4} wrap="nowrap" align="center">
                {reorderable && (
                  <>
                    <ActionIcon
                      variant="default"
                      aria-label={t("meetingPage.agenda.moveUp", { title: item.title })}
                      disabled={index === 0}
                      onClick={() => move(item.id, -1)}
                      ref={(el) => {
                        if (el) buttons.current.set(`${item.id}:up`, el);
                        else buttons.current.delete(`${item.id}:up`);
                      }}
                    >
                      <span aria-hidden>↑</span>
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={t("meetingPage.agenda.moveDown", { title: item.title })}
                      disabled={index === items.length - 1}
                      onClick={() => move(item.id, 1)}
                      ref={(el) => {
                        if (el) buttons.current.set(`${item.id}:down`, el);
                        else buttons.current.delete(`${item.id}:down`);
                      }}
                    >
                      <span aria-hidden>↓</span>
                    </ActionIcon>
                  </>
                )}
                {renderActions?.(item)}
              </Group>
            </Group>
          </Box>
        ))}
      </Stack>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </>
  );
}
