/**
 * Every TanStack Query key of the app, in one place. Keys are hierarchical: invalidating a prefix
 * (say `queryKeys.meetings.one(id)`) re-reads everything under it (agenda, invitations, minutes…),
 * so the shape here is what makes "re-read the meeting" mean the same thing on every screen.
 * Nothing else writes an array key inline: ESLint (eslint.config.js) refuses `queryKey: [...]`
 * and `useCursorList([...], …)` outside this file.
 */

type Filters = object;

export const queryKeys = {
  /** The signed-in person (GET /me). */
  me: ["me"] as const,
  /** The signed-in person's own API tokens (never the tokens themselves, only their hints). */
  apiTokens: { mine: ["me", "api-tokens"] as const },
  /** Every sector (public, rarely changes): one cache for names, colours, pickers and admin. */
  sectors: ["sectors"] as const,

  roundtables: {
    all: ["roundtables"] as const,
    list: (filters: Filters, limit: number) => ["roundtables", "list", filters, limit] as const,
    one: (id: string) => ["roundtables", id] as const,
    composition: (id: string) => ["roundtables", id, "composition"] as const,
    goals: (id: string) => ["roundtables", id, "goals"] as const,
    publicSummaries: (id: string) => ["roundtables", id, "public-summaries"] as const,
    audit: (id: string) => ["roundtables", id, "audit"] as const,
    meetings: (id: string) => ["roundtables", id, "meetings"] as const,
    /** All seats, current and past; a prefix of `currentSeats`. */
    seats: (id: string) => ["roundtables", id, "seats"] as const,
    currentSeats: (id: string) => ["roundtables", id, "seats", "current"] as const,
  },

  goals: {
    progress: (goalId: string) => ["goals", goalId, "progress"] as const,
  },

  meetings: {
    /** All "upcoming" lists (a prefix), or one of them. */
    upcoming: (from?: string, limit?: number) =>
      from === undefined
        ? (["meetings", "upcoming"] as const)
        : (["meetings", "upcoming", from, limit] as const),
    held: (limit: number) => ["meetings", "held", limit] as const,
    /** One meeting; also the prefix of everything below it. */
    one: (id: string) => ["meetings", id] as const,
    agenda: (id: string) => ["meetings", id, "agenda"] as const,
    invitations: (id: string) => ["meetings", id, "invitations"] as const,
    attendance: (id: string) => ["meetings", id, "attendance"] as const,
    speaking: (id: string) => ["meetings", id, "speaking"] as const,
    processNotes: (id: string) => ["meetings", id, "process-notes"] as const,
    minutes: (id: string) => ["meetings", id, "minutes"] as const,
  },

  minutes: {
    one: (minutesId: string) => ["minutes", minutesId] as const,
    comments: (minutesId: string) => ["minutes", minutesId, "comments"] as const,
    diff: (minutesId: string, version: number, from: number | null, to: number | null) =>
      ["minutes", minutesId, "diff", version, from, to] as const,
    revision: (minutesId: string, version: number, number: number | null) =>
      ["minutes", minutesId, "revision", version, number] as const,
  },

  decisions: {
    lists: ["decisions", "list"] as const,
    list: (filters: Filters, limit: number) => ["decisions", "list", filters, limit] as const,
    one: (id: string) => ["decisions", "one", id] as const,
  },

  actionItems: {
    all: ["action-items"] as const,
    mineOpen: (limit: number) => ["action-items", "mine", "open", limit] as const,
    list: (filters: Filters, limit: number) => ["action-items", "list", filters, limit] as const,
  },

  knowledge: {
    lists: ["knowledge", "list"] as const,
    list: (filters: Filters, limit: number) => ["knowledge", "list", filters, limit] as const,
    /** One item; also the prefix of its revisions and diffs. */
    item: (id: string) => ["knowledge", "item", id] as const,
    revisions: (id: string) => ["knowledge", "item", id, "revisions"] as const,
    diff: (id: string, from: number | null, to: number | null) =>
      ["knowledge", "item", id, "diff", from, to] as const,
  },

  search: {
    all: ["search"] as const,
    results: (filters: Filters, limit: number) => ["search", filters, limit] as const,
  },

  stakeholders: {
    search: (q: string) => ["stakeholders", "search", q] as const,
  },

  admin: {
    users: ["admin", "users"] as const,
    userList: (filters: Filters) => ["admin", "users", filters] as const,
    organisations: ["admin", "organisations"] as const,
    organisationList: (filters: Filters, limit: number) =>
      ["admin", "organisations", filters, limit] as const,
    stakeholders: ["admin", "stakeholders"] as const,
    stakeholderList: (filters: Filters) => ["admin", "stakeholders", filters] as const,
    audit: (filters: Filters) => ["admin", "audit", filters] as const,
  },
} as const;
