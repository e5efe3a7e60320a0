import type { Me } from "../../shared/session/me";
import type { KnowledgeItem } from "./api";

type Item = Pick<KnowledgeItem, "roundtable_id" | "created_by_user_id">;

/** Facilitators (and admins) edit any item; others what they added while they may still add. */
export function canEditKnowledge(
  me: Me | undefined,
  item: Item,
  roundtablePermissions: readonly string[],
): boolean {
  if (!me) return false;
  if (item.roundtable_id === null)
    return me.platform_permissions.includes("knowledge_library:manage");
  if (roundtablePermissions.includes("knowledge:edit_any")) return true;
  return roundtablePermissions.includes("knowledge:add") && item.created_by_user_id === me.id;
}

/** Archiving is for facilitators (the library's keepers for shared items). */
export function canArchiveKnowledge(
  me: Me | undefined,
  item: Item,
  roundtablePermissions: readonly string[],
): boolean {
  if (!me) return false;
  if (item.roundtable_id === null)
    return me.platform_permissions.includes("knowledge_library:manage");
  return roundtablePermissions.includes("knowledge:edit_any");
}

/** "Facilitators only" is offered only to those who may see such items. */
export function canChooseFacilitatorsOnly(
  me: Me | undefined,
  roundtableId: string | null,
  roundtablePermissions: readonly string[],
): boolean {
  if (!me) return false;
  if (roundtableId === null) return me.platform_permissions.includes("knowledge_library:manage");
  return roundtablePermissions.includes("knowledge:facilitators");
}
