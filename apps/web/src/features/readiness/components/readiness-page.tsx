import { getRouteApi, Link } from '@tanstack/react-router';
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components';
import { FilterPanel } from '../../../components/filter-panel';
import formStyles from '../../../components/forms/forms.module.css';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { useMe } from '../../../lib/auth/use-me';
import { formatPercent } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { useDepartmentChoices, usePriorityAreaChoices, useReadiness, type Choice } from '../api/use-readiness';
import { readinessMessages } from '../messages';
import {
  READINESS_CHECKS,
  checkFix,
  checksMet,
  departmentRows,
  priorityAreaRows,
  type GroupRow,
  type Readiness,
  type ReadinessCheck,
} from '../utils/readiness-checks';
import { neighbourPages, pageRange, type ReadinessSearch } from '../utils/readiness-search';
import styles from './readiness.module.css';

const t = readinessMessages;
const route = getRouteApi('/revisionsberedskap');
const ALL = 'alla';

/** A share as a percentage; a check that applies to none of the group's initiatives (null) in words. */
const share = (value: number | null | undefined) =>
  value === null || value === undefined ? t.notApplicable : formatPercent(value);

/**
 * Revisionsberedskap: the API's audit readiness (GET /portfolio/readiness) by lead department and priority area, and
 * per initiative what is missing, each item a link to where it is put right. The filters are the URL.
 */
export function ReadinessPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const readiness = useReadiness(search);
  // A filter change goes back to the first page.
  const filter = (patch: Partial<ReadinessSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, offset: undefined }), replace: true });
  return (
    <Page title={messages.nav.readiness} wide>
      <p className={styles.lead}>{t.intro}</p>
      <Filters search={search} onChange={filter} />
      <p role="status" className={styles.status}>
        {readiness.isPending || readiness.isPlaceholderData
          ? t.loading
          : readiness.isError
            ? ''
            : listSummary(readiness.data)}
      </p>
      {readiness.isError ? (
        <LoadError error={readiness.error} message={t.error} onRetry={() => void readiness.refetch()} />
      ) : readiness.isPending || readiness.data.total === 0 ? null : (
        <>
          <GroupTable
            id="per-forvaltning"
            heading={t.byDepartment.heading}
            lead={t.byDepartment.lead}
            nameHeader={t.byDepartment.department}
            rows={departmentRows(readiness.data, t.byDepartment.noLead)}
          />
          <GroupTable
            id="per-omrade"
            heading={t.byArea.heading}
            lead={t.byArea.lead}
            nameHeader={t.byArea.area}
            rows={priorityAreaRows(readiness.data, t.byArea.unlinked)}
          />
          <InitiativeList readiness={readiness.data} />
        </>
      )}
      <section aria-labelledby="kontrollerna" className={styles.section}>
        <h2 id="kontrollerna">{t.checksHeading}</h2>
        <dl className={styles.checks}>
          {READINESS_CHECKS.map((check) => (
            <div key={check}>
              <dt>{t.checks[check]}</dt>
              <dd>{t.checkHelp[check]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </Page>
  );
}

/** The lead department and the priority area; for someone who acts for a department, a shortcut to theirs. */
function Filters({
  search,
  onChange,
}: {
  search: ReadinessSearch;
  onChange: (patch: Partial<ReadinessSearch>) => void;
}) {
  const departments = useDepartmentChoices();
  const areas = usePriorityAreaChoices();
  // Kept while its filter is on: the link that was followed keeps its focus.
  const mine = useMe().data?.department;
  return (
    <FilterPanel
      id="beredskap-filter"
      heading={t.filters.heading}
      footer={
        <ul className={styles.shortcuts}>
          {mine ? (
            <li>
              <Link to="/revisionsberedskap" search={{ leadDepartmentId: mine.id }}>
                {t.filters.mine(mine.name)}
              </Link>
            </li>
          ) : null}
          {search.leadDepartmentId || search.goalId ? (
            <li>
              <Link to="/revisionsberedskap" search={{}}>
                {t.filters.clear}
              </Link>
            </li>
          ) : null}
        </ul>
      }
    >
      <FilterSelect
        label={t.filters.department}
        allLabel={t.filters.allDepartments}
        choices={departments.data}
        value={search.leadDepartmentId}
        onChange={(leadDepartmentId) => onChange({ leadDepartmentId })}
      />
      <FilterSelect
        label={t.filters.area}
        description={t.filters.areaHelp}
        allLabel={t.filters.allAreas}
        choices={areas.data}
        value={search.goalId}
        onChange={(goalId) => onChange({ goalId })}
      />
    </FilterPanel>
  );
}

function FilterSelect(props: {
  label: string;
  description?: string;
  allLabel: string;
  choices: Choice[] | undefined;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const items = [{ id: ALL, label: props.allLabel }, ...(props.choices ?? [])];
  return (
    <Select
      className={formStyles.field}
      selectedKey={props.choices ? (props.value ?? ALL) : ALL}
      onSelectionChange={(key: Key | null) => props.onChange(key === null || key === ALL ? undefined : String(key))}
      isDisabled={!props.choices}
    >
      <Label className={formStyles.label}>{props.label}</Label>
      {props.description ? (
        <Text slot="description" className={formStyles.description}>
          {props.description}
        </Text>
      ) : null}
      <Button className={formStyles.selectButton}>
        <SelectValue>{props.choices ? undefined : t.filters.loadingOptions}</SelectValue>
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className={formStyles.popover}>
        <ListBox items={items} className={formStyles.listBox}>
          {(item) => (
            <ListBoxItem id={item.id} className={formStyles.option}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** One roll-up: per group the initiatives, the mean readiness and the share meeting each check; a group's name filters to it. */
function GroupTable({
  id,
  heading,
  lead,
  nameHeader,
  rows,
}: {
  id: string;
  heading: string;
  lead: string;
  nameHeader: string;
  rows: GroupRow[];
}) {
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id}>{heading}</h2>
      <p className={styles.lead}>{lead}</p>
      <div className={styles.scroll}>
        <table className={`${styles.table} ${styles.compact}`} aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{nameHeader}</th>
              <th scope="col" className={styles.number}>
                {t.initiatives}
              </th>
              <th scope="col" className={styles.number}>
                {t.readiness}
              </th>
              {READINESS_CHECKS.map((check) => (
                <th key={check} scope="col" className={styles.number}>
                  {t.checkColumns[check]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.search ? (
                    <Link
                      to="/revisionsberedskap"
                      search={(previous) => ({ ...previous, ...row.search, offset: undefined })}
                    >
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  )}
                </th>
                <td className={styles.number}>{row.group.initiatives}</td>
                <td className={styles.number}>{share(row.group.score)}</td>
                {READINESS_CHECKS.map((check) => (
                  <td key={check} className={styles.number}>
                    {share(row.group.checks[check])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What the filters found, said in the live region: how many initiatives this page shows of how many. */
function listSummary(readiness: Readiness) {
  const range = pageRange(readiness.offset, readiness.initiatives.length);
  return range ? t.list.count(range.first, range.last, readiness.total) : t.list.empty;
}

/** The page of initiatives, lowest readiness first, each missing item a link to where it is put right. */
function InitiativeList({ readiness }: { readiness: Readiness }) {
  const pages = neighbourPages(readiness.offset, readiness.total);
  return (
    <section aria-labelledby="insatserna" className={styles.section}>
      <h2 id="insatserna">{t.list.heading}</h2>
      <div className={styles.scroll}>
        <table className={styles.table} aria-labelledby="insatserna">
          <thead>
            <tr>
              <th scope="col">{t.list.initiative}</th>
              <th scope="col">{t.list.department}</th>
              <th scope="col">{t.readiness}</th>
              <th scope="col" className={styles.missingColumn}>
                {t.list.missing}
              </th>
            </tr>
          </thead>
          <tbody>
            {readiness.initiatives.map((initiative) => {
              const { met, applicable } = checksMet(initiative.checks);
              return (
                <tr key={initiative.id}>
                  <th scope="row">
                    <Link to="/insatser/$code" params={{ code: initiative.code }}>
                      {initiative.title}
                    </Link>{' '}
                    <span className={styles.code}>{initiative.code}</span>
                  </th>
                  <td>{initiative.leadDepartment?.name ?? t.byDepartment.noLead}</td>
                  <td className={styles.nowrap}>{t.list.met(met, applicable, share(initiative.score))}</td>
                  <td>
                    {initiative.missing.length === 0 ? (
                      t.list.nothingMissing
                    ) : (
                      <ul className={styles.missing}>
                        {initiative.missing.map((check) => (
                          <li key={check}>
                            <FixLink check={check} code={initiative.code} />{' '}
                            <span className={styles.place}>{t.fixPlace[checkFix(check).page]}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages.previous !== undefined || pages.next !== undefined ? (
        <nav aria-label={t.paging.label} className={styles.paging}>
          {pages.previous !== undefined ? (
            <Link
              to="/revisionsberedskap"
              search={(previous) => ({ ...previous, offset: pages.previous || undefined })}
            >
              {t.paging.previous}
            </Link>
          ) : null}
          {pages.next !== undefined ? (
            <Link to="/revisionsberedskap" search={(previous) => ({ ...previous, offset: pages.next })}>
              {t.paging.next}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

/** A missing item, named by its check, linking to the page (and field) where it is put right. */
function FixLink({ check, code }: { check: ReadinessCheck; code: string }) {
  const fix = checkFix(check);
  const label = t.checks[check];
  if (fix.page === 'reports') return <Link to={fix.to}>{label}</Link>;
  if (fix.page === 'edit') {
    return (
      <Link to={fix.to} params={{ code }} hash={fix.hash}>
        {label}
      </Link>
    );
  }
  return (
    <Link to={fix.to} params={{ code }}>
      {label}
    </Link>
  );
}
