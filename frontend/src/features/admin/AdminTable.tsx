import { Button, Group, Modal, Stack, Table } from "@mantine/core";
import { TextInput } from "../../shared/inputs";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LoadMore } from "../../shared/layout/LoadMore";
import { QueryState } from "../../shared/feedback/QueryState";
import { ScrollTable } from "../../shared/layout/ScrollTable";
import { MutationError } from "../../shared/feedback/MutationError";

/** What the admin tables need of a cursor list (see `useCursorList`). */
interface AdminList<T> {
  data: unknown;
  items: T[];
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The free-text search box of an admin tab's toolbar. */
export function AdminSearch({
  value,
  onChange,
  width = 260,
}: {
  value: string;
  onChange: (value: string) => void;
  width?: number;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("admin.search")}
      type="search"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={{ base: "100%", sm: width }}
    />
  );
}

/** An admin edit form's problem display and its cancel / save buttons. */
export function FormActions({
  error,
  pending,
  disabled,
  onCancel,
  submitLabel,
}: {
  error: unknown;
  pending: boolean;
  disabled: boolean;
  onCancel: () => void;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <MutationError error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("formKit.cancel")}
        </Button>
        <Button type="submit" loading={pending} disabled={disabled}>
          {submitLabel ?? t("formKit.save")}
        </Button>
      </Group>
    </>
  );
}

/** The per-row "edit" button. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="compact-xs"
      variant="light"
      aria-label={t("admin.editNamed", { name })}
      onClick={onClick}
    >
      {t("admin.edit")}
    </Button>
  );
}

/**
 * An admin tab: a toolbar (optional filters and an "add" button), the edit modal, and a
 * table of the list with its loading / empty / error states and "load more".
 */
export function AdminTable<T extends { id: string }>({
  list,
  filters,
  addLabel,
  onAdd,
  modalTitle,
  modalOpened,
  onModalClose,
  modalBody,
  beforeTable,
  empty,
  label,
  minWidth,
  testId,
  headers,
  renderRow,
  loadMore = true,
}: {
  list: AdminList<T>;
  filters?: ReactNode;
  addLabel: string;
  onAdd: () => void;
  modalTitle: string;
  modalOpened: boolean;
  onModalClose: () => void;
  modalBody: ReactNode;
  beforeTable?: ReactNode;
  empty: string;
  label: string;
  minWidth: number;
  testId: string;
  headers: string[];
  /** The row's cells (`Table.Td`s). */
  renderRow: (item: T) => ReactNode;
  loadMore?: boolean;
}) {
  const addButton = <Button onClick={onAdd}>{addLabel}</Button>;
  return (
    <Stack gap="md">
      {filters ? (
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end" role="search">
            {filters}
          </Group>
          {addButton}
        </Group>
      ) : (
        <Group justify="flex-end">{addButton}</Group>
      )}
      <Modal opened={modalOpened} onClose={onModalClose} title={modalTitle}>
        {modalBody}
      </Modal>
      {beforeTable}
      <QueryState
        query={{ ...list, data: list.data ? list.items : undefined }}
        isEmpty={(items) => items.length === 0}
        empty={empty}
      >
        {(items) => (
          <>
            <ScrollTable label={label} minWidth={minWidth}>
              <Table striped verticalSpacing="xs" data-testid={testId}>
                <Table.Thead>
                  <Table.Tr>
                    {headers.map((header) => (
                      <Table.Th key={header} scope="col">
                        {header}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.id}>{renderRow(item)}</Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {loadMore && <LoadMore {...list} />}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
