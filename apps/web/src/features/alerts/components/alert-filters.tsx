import type { Key } from 'react-aria-components';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { FilterPanel } from '../../../components/filter-panel';
import { messages } from '../../../lib/messages';
import { useDepartments } from '../api/use-alerts';
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  ALL_STATUSES,
  DEFAULT_STATUS,
  type AlertListSearch,
} from '../utils/alert-search';
import styles from './alerts.module.css';
import { alertsMessages } from '../messages';

const t = alertsMessages;
const ANY = '';

type Option = { id: string; label: string };

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  return (
    <Select
      className={styles.select}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => onChange(key === null ? ANY : String(key))}
    >
      <Label className={styles.label}>{label}</Label>
      <Button className={styles.selectButton}>
        <SelectValue />
        <span aria-hidden="true" className={styles.chevron}>
          ▾
        </span>
      </Button>
      <Popover className={styles.popover}>
        <ListBox className={styles.listBox} items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className={styles.option} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** Kind, severity, status and department: each change goes to the URL, which the list reads. */
export function AlertFilters({
  search,
  onChange,
}: {
  search: AlertListSearch;
  onChange: (next: AlertListSearch) => void;
}) {
  const departments = useDepartments();
  const set = (key: keyof AlertListSearch) => (value: string) =>
    onChange({ ...search, [key]: value === ANY ? undefined : value });
  const filtered =
    search.kind !== undefined ||
    search.severity !== undefined ||
    search.departmentId !== undefined ||
    search.status !== undefined;
  return (
    <FilterPanel id="larm-filter" heading={t.filters.heading}>
      <FilterSelect
        label={t.filters.severity}
        value={search.severity ?? ANY}
        options={[
          { id: ANY, label: t.filters.allSeverities },
          ...ALERT_SEVERITIES.map((s) => ({ id: s, label: messages.vocabulary.alertSeverity[s] })),
        ]}
        onChange={set('severity')}
      />
      <FilterSelect
        label={t.filters.kind}
        value={search.kind ?? ANY}
        options={[
          { id: ANY, label: t.filters.allKinds },
          ...ALERT_KINDS.map((k) => ({ id: k, label: messages.vocabulary.alertKind[k] })),
        ]}
        onChange={set('kind')}
      />
      <FilterSelect
        label={t.filters.status}
        value={search.status ?? DEFAULT_STATUS}
        options={[
          ...ALERT_STATUSES.map((s) => ({ id: s, label: messages.vocabulary.alertStatus[s] })),
          { id: ALL_STATUSES, label: t.filters.allStatuses },
        ]}
        onChange={(value) =>
          onChange({ ...search, status: value === DEFAULT_STATUS ? undefined : (value as AlertListSearch['status']) })
        }
      />
      <FilterSelect
        label={t.filters.department}
        value={search.departmentId ?? ANY}
        options={[
          { id: ANY, label: t.filters.allDepartments },
          ...(departments.data ?? []).map((d) => ({ id: d.id, label: d.name })),
        ]}
        onChange={set('departmentId')}
      />
      {filtered ? (
        <Button className={styles.secondaryButton} onPress={() => onChange({})}>
          {t.filters.clear}
        </Button>
      ) : null}
    </FilterPanel>
  );
}
