import { Link } from '@tanstack/react-router';
import { useRef, useState, type Ref } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { FormButton } from '../../../components/forms/form-button';
import { LoadError } from '../../../components/load-error';
import { mayFrom } from '../../../lib/auth/use-may';
import type { Me } from '../../../lib/auth/use-me';
import { useFocusAfterRender } from '../../../lib/hooks/use-focus-after-render';
import { formatDate, formatMoney } from '../../../lib/format';
import { useCliffInitiatives } from '../api/use-funding-cliff-page';
import { fundingCliffMessages } from '../funding-cliff-messages';
import { fundingMessages } from '../messages';
import { isUndecided, type CliffGroup, type CliffInitiative } from '../utils/cliff-groups';
import { CoverageDialog } from './coverage-dialog';
import styles from './funding-cliff.module.css';

const t = fundingCliffMessages.initiatives;

type ListProps = {
  group: CliffGroup;
  /** The table's caption. */
  caption: string;
  me: Me | undefined;
  onDecided: (text: string) => void;
};

/**
 * A group's initiatives behind a heading that opens and closes them (`label`, at heading `level`): closed at first,
 * so the page loads the figures alone and each group's initiatives only when someone opens it.
 */
export function CliffInitiativesDisclosure({ label, level, ...list }: ListProps & { label: string; level: 2 | 3 }) {
  const [isExpanded, setExpanded] = useState(false);
  return (
    <Disclosure isExpanded={isExpanded} onExpandedChange={setExpanded} className={styles.disclosure}>
      <Heading level={level} className={styles.disclosureHeading}>
        <Button slot="trigger" className={styles.trigger}>
          <span aria-hidden="true" className={styles.chevron}>
            {isExpanded ? '▾' : '▸'}
          </span>
          {label}
        </Button>
      </Heading>
      <DisclosurePanel>{isExpanded ? <CliffInitiativesList {...list} /> : null}</DisclosurePanel>
    </Disclosure>
  );
}

/** The initiatives a page at a time; "Visa fler" adds the next and takes focus to the first one added. */
function CliffInitiativesList({ group, caption, me, onDecided }: ListProps) {
  const initiatives = useCliffInitiatives(group, true);
  const tableRef = useRef<HTMLTableElement>(null);
  const focusAfterRender = useFocusAfterRender();
  if (initiatives.isPending) return <p role="status">{t.loading}</p>;
  if (initiatives.isError) {
    return <LoadError error={initiatives.error} message={t.error} onRetry={() => void initiatives.refetch()} />;
  }
  const items = initiatives.data.pages.flatMap((page) => page.items);
  const total = initiatives.data.pages.at(-1)?.total ?? items.length;
  const showMore = () => {
    const firstAdded = items.length;
    void initiatives.fetchNextPage().then(() =>
      focusAfterRender(() => {
        const link = tableRef.current?.tBodies[0]?.rows[firstAdded]?.querySelector('a');
        link?.focus();
        return link !== undefined && link !== null;
      }),
    );
  };
  return (
    <>
      <InitiativeTable ref={tableRef} caption={caption} initiatives={items} me={me} onDecided={onDecided} />
      {total > items.length ? (
        <div className={styles.more}>
          <p role="status">{t.shown(items.length, total)}</p>
          <FormButton variant="secondary" onPress={showMore} isPending={initiatives.isFetchingNextPage}>
            {t.showMore}
          </FormButton>
        </div>
      ) : null}
    </>
  );
}

function InitiativeTable({
  ref,
  caption,
  initiatives,
  me,
  onDecided,
}: {
  ref: Ref<HTMLTableElement>;
  caption: string;
  initiatives: readonly CliffInitiative[];
  me: Me | undefined;
  onDecided: (text: string) => void;
}) {
  return (
    <div className={styles.tableScroll}>
      <table ref={ref} className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.initiative}</th>
            <th scope="col">{t.department}</th>
            <th scope="col">{t.lines}</th>
            <th scope="col" className={styles.number}>
              {t.uncovered}
            </th>
          </tr>
        </thead>
        <tbody>
          {initiatives.map((initiative) => {
            const mayDecide = mayFrom(me, 'funding:decide-coverage', {
              leadDepartmentId: initiative.leadDepartment?.id ?? null,
            }).allowed;
            return (
              <tr key={initiative.id}>
                <th scope="row">
                  <Link to="/insatser/$code" params={{ code: initiative.code }}>
                    {initiative.title}
                  </Link>
                </th>
                <td>{initiative.leadDepartment?.name ?? fundingCliffMessages.departments.noLeadDepartment}</td>
                <td>
                  <ul className={styles.lines}>
                    {initiative.lines.map((line) => (
                      <li key={line.id}>
                        {t.line(line.funder, formatDate(line.periodEnd), formatMoney(line.notTakenOverSek))}
                        <span className={styles.decision}>
                          {isUndecided(line)
                            ? t.undecided
                            : t.decided(fundingMessages.coverageLabel[line.coverageDecision])}
                        </span>
                        {isUndecided(line) && mayDecide ? (
                          <CoverageDialog initiative={initiative} line={line} onDecided={onDecided} />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className={styles.number}>
                  {initiative.uncoveredAnnualCostSek === null
                    ? t.noAnnualCost
                    : formatMoney(initiative.uncoveredAnnualCostSek)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
