import { memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SearchField,
  Select,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components';
import { useLatest } from '../../../lib/hooks/use-latest';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import {
  useDepartmentOptions,
  useDistrictOptions,
  useGoalOptions,
  useTargetGroupOptions,
  type GoalOption,
  type Option,
} from '../api/filter-options';
import {
  hasFilters,
  withFilters,
  withoutFilters,
  type FilterPatch,
  type FundingSourceTypeKey,
  type InitiativeListSearch,
} from '../utils/initiative-list-search';
import styles from './list-filters.module.css';
import { portfolioMessages } from '../messages';

const t = portfolioMessages.filters;
/** How long typing may pause before the text search runs. */
export const SEARCH_DEBOUNCE_MS = 400;

type Props = {
  search: InitiativeListSearch;
  /** The new view when filters change (back on the first page) or are cleared; kept stable by the caller. */
  onNavigate: (search: InitiativeListSearch) => void;
};

const STATUS_KEYS = Object.keys(messages.initiativeStatus) as InitiativeStatusKey[];
const SOURCE_TYPE_OPTIONS: Option[] = (
  Object.entries(messages.vocabulary.fundingSourceType) as [FundingSourceTypeKey, string][]
).map(([id, name]) => ({ id, name }));
const ALL = '__alla__';

/**
 * The list's filters, each one of the API's: free text (debounced, or at once on Enter), statuses, the lead
 * department, a department in any role, a goal with the goals below it, target groups, districts and funding source
 * types. Each change is a new URL, so the back button steps through the views. Rendered again only when the view
 * changes: the list's answers re-render the page, and the filters' collections (every department twice, every goal)
 * are the costliest part of it to render.
 */
export const ListFilters = memo(function ListFilters({ search, onNavigate }: Props) {
  // Each control gets the same change handler for the life of the page, so a change re-renders only the control whose
  // value changed, not the others' collections; the handler reads the view as it is when the person acts.
  const latestRef = useLatest(search);
  const change = useCallback(
    (patch: FilterPatch) => onNavigate(withFilters(latestRef.current, patch)),
    [onNavigate, latestRef],
  );
  const departments = useDepartmentOptions();
  const goals = useGoalOptions();
  const targetGroups = useTargetGroupOptions();
  const districts = useDistrictOptions();
  const optionsFailed = departments.isError || goals.isError || targetGroups.isError || districts.isError;

  return (
    <section aria-labelledby="filter-rubrik" className={styles.filters}>
      <h2 id="filter-rubrik" className={styles.heading}>
        {t.heading}
      </h2>
      <TextSearch value={search.q ?? ''} onChange={change} />
      <div className={styles.grid}>
        <StatusFilter value={search.status} onChange={change} />
        <SingleSelect
          field="leadDepartmentId"
          label={t.leadDepartment}
          options={departments.data}
          value={search.leadDepartmentId}
          onChange={change}
        />
        <SingleSelect
          field="departmentId"
          label={t.anyDepartment}
          description={t.anyDepartmentDescription}
          options={departments.data}
          value={search.departmentId}
          onChange={change}
        />
        <GoalComboBox options={goals.data} value={search.goalId} onChange={change} />
        <MultiSelect
          field="targetGroup"
          label={t.targetGroup}
          options={targetGroups.data}
          value={search.targetGroup}
          onChange={change}
        />
        <MultiSelect
          field="district"
          label={t.district}
          options={districts.data}
          value={search.district}
          onChange={change}
        />
        <MultiSelect
          field="fundingSourceType"
          label={t.fundingSourceType}
          options={SOURCE_TYPE_OPTIONS}
          value={search.fundingSourceType}
          onChange={change}
        />
      </div>
      {optionsFailed && (
        <p role="alert" className={styles.optionsFailed}>
          {t.optionsFailed}
        </p>
      )}
      {hasFilters(search) && (
        <Button className={styles.clear} onPress={() => onNavigate(withoutFilters(search))}>
          {t.clear}
        </Button>
      )}
    </section>
  );
});

type OnChange = (patch: FilterPatch) => void;

const StatusFilter = memo(function StatusFilter({
  value,
  onChange,
}: {
  value: InitiativeStatusKey[] | undefined;
  onChange: OnChange;
}) {
  return (
    <CheckboxGroup
      className={styles.statuses}
      value={value ?? []}
      onChange={(values) => onChange({ status: values as InitiativeStatusKey[] })}
    >
      <Label className={styles.label}>{t.status}</Label>
      <div className={styles.checkboxes}>
        {STATUS_KEYS.map((status) => (
          <Checkbox key={status} value={status} className={styles.checkbox}>
            <span className={styles.box} aria-hidden="true">
              <svg viewBox="0 0 16 16" width="14" height="14" focusable="false">
                <path d="M3 8.5 6.5 12 13 4.5" />
              </svg>
            </span>
            {messages.initiativeStatus[status]}
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
});

/** Free text: runs when typing pauses, or at once on Enter or the button; follows the URL (the back button). */
const TextSearch = memo(function TextSearch({ value, onChange }: { value: string; onChange: OnChange }) {
  const [text, setText] = useState(value);
  // The URL's value the field last took: when it changes (Back, a link), the field shows it instead of what was typed.
  const [followed, setFollowed] = useState(value);
  if (followed !== value) {
    setFollowed(value);
    setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestRef = useLatest(value);
  useEffect(() => () => clearTimeout(timer.current), []);

  const submit = (q: string) => {
    clearTimeout(timer.current);
    if (q.trim() !== latestRef.current) onChange({ q: q.trim() || undefined });
  };

  return (
    <form
      role="search"
      className={styles.search}
      onSubmit={(event) => {
        event.preventDefault();
        submit(text);
      }}
    >
      <SearchField
        value={text}
        onChange={(next) => {
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => submit(next), SEARCH_DEBOUNCE_MS);
        }}
        onSubmit={submit}
        onClear={() => submit('')}
        className={styles.searchField}
      >
        <Label className={styles.label}>{t.search}</Label>
        <Text slot="description" className={styles.description}>
          {t.searchDescription}
        </Text>
        <Input className={styles.input} maxLength={200} />
      </SearchField>
      <button type="submit" className={styles.button}>
        {t.searchButton}
      </button>
    </form>
  );
});

function Field({ children }: { children: ReactNode }) {
  return <div className={styles.field}>{children}</div>;
}

function Chevron() {
  return (
    <svg className={styles.chevron} viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M3 6 8 11 13 6" />
    </svg>
  );
}

const SingleSelect = memo(function SingleSelect(props: {
  field: 'leadDepartmentId' | 'departmentId';
  label: string;
  description?: string;
  options: Option[] | undefined;
  value: string | undefined;
  onChange: OnChange;
}) {
  const items = [{ id: ALL, name: t.all }, ...(props.options ?? [])];
  return (
    <Field>
      <Select
        className={styles.select}
        value={props.value && props.options ? props.value : ALL}
        onChange={(key: Key | null) =>
          props.onChange({ [props.field]: key === null || key === ALL ? undefined : String(key) })
        }
        isDisabled={!props.options}
      >
        <Label className={styles.label}>{props.label}</Label>
        {props.description && (
          <Text slot="description" className={styles.description}>
            {props.description}
          </Text>
        )}
        <Button className={styles.trigger}>
          <SelectValue className={styles.value}>{props.options ? undefined : t.loadingOptions}</SelectValue>
          <Chevron />
        </Button>
        <Popover className={styles.popover}>
          <ListBox items={items} className={styles.listBox}>
            {(item) => (
              <ListBoxItem id={item.id} className={styles.option}>
                {item.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </Select>
    </Field>
  );
});

const MultiSelect = memo(function MultiSelect(props: {
  field: 'targetGroup' | 'district' | 'fundingSourceType';
  label: string;
  options: Option[] | undefined;
  value: string[] | undefined;
  onChange: OnChange;
}) {
  return (
    <Field>
      <Select
        selectionMode="multiple"
        className={styles.select}
        placeholder={props.options ? t.all : t.loadingOptions}
        value={props.options ? (props.value ?? []) : []}
        onChange={(keys) => props.onChange({ [props.field]: keys.map(String) })}
        isDisabled={!props.options}
      >
        <Label className={styles.label}>{props.label}</Label>
        <Button className={styles.trigger}>
          <SelectValue className={styles.value} />
          <Chevron />
        </Button>
        <Popover className={styles.popover}>
          <ListBox items={props.options ?? []} className={styles.listBox}>
            {(item) => (
              <ListBoxItem id={item.id} textValue={item.name} className={styles.option}>
                <span className={styles.tick} aria-hidden="true">
                  ✓
                </span>
                {item.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </Select>
    </Field>
  );
});

const DEPTH_CLASS = [styles.depth0, styles.depth1, styles.depth2, styles.depth3, styles.depth4, styles.depth5];

/** The goal tree in a searchable combobox, indented by depth; a goal includes the goals below it. */
const GoalComboBox = memo(function GoalComboBox(props: {
  options: GoalOption[] | undefined;
  value: string | undefined;
  onChange: OnChange;
}) {
  return (
    <Field>
      <ComboBox
        className={styles.select}
        defaultItems={props.options ?? []}
        selectedKey={props.options ? (props.value ?? null) : null}
        onSelectionChange={(key) => props.onChange({ goalId: key === null ? undefined : String(key) })}
        isDisabled={!props.options}
        menuTrigger="focus"
        allowsEmptyCollection
      >
        <Label className={styles.label}>{t.goal}</Label>
        <Text slot="description" className={styles.description}>
          {t.goalDescription}
        </Text>
        <div className={styles.comboInput}>
          <Input className={styles.input} placeholder={props.options ? t.all : t.loadingOptions} />
          <Button className={styles.comboButton} aria-label={t.goal}>
            <Chevron />
          </Button>
        </div>
        <Popover className={styles.popover}>
          <ListBox className={styles.listBox} renderEmptyState={() => <p className={styles.empty}>{t.noGoalMatch}</p>}>
            {(item: GoalOption) => (
              <ListBoxItem
                id={item.id}
                textValue={`${item.code} ${item.name}`}
                className={`${styles.option} ${DEPTH_CLASS[Math.min(item.depth, 5)]}`}
              >
                <span className={styles.goalCode}>{item.code}</span> {item.name}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </Field>
  );
});
