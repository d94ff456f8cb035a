import { Link, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { LoadError } from '../../../components/load-error';
import { SelectField } from '../../../components/forms/fields';
import { Page } from '../../../components/layout/page';
import { ApiProblemError } from '../../../lib/api-client';
import { formatPercent } from '../../../lib/format';
import { useMay } from '../../../lib/auth/use-may';
import {
  useDepartments,
  useDistricts,
  useIndicatorSeries,
  useInvalidateSeries,
  type IndicatorSeries,
} from '../api/results-queries';
import { resultsMessages } from '../messages';
import { cellLabel, chartPoints, formatFigure, seriesRows } from '../utils/indicator-series';
import { LiveRegion, useAnnouncer } from './feedback';
import { AttachForm } from './attach-form';
import { ImportForm, ValueForm } from './indicator-forms';
import factStyles from '../../../components/facts.module.css';
import styles from './results.module.css';

// recharts is loaded only when the chart shows: out of the first load and out of this page's own chunk.
const IndicatorChart = lazy(() => import('./indicator-chart'));

const t = resultsMessages.indicator;
const ti = resultsMessages.indicators;

/** Indikatorn: the route's component, the indicator by the id in the address. */
export function IndicatorRoutePage() {
  const { id = '' } = useParams({ strict: false });
  const series = useIndicatorSeries(id);
  if (series.isPending) {
    return (
      <Page title={resultsMessages.indicatorTitle}>
        <p role="status">{resultsMessages.loading}</p>
      </Page>
    );
  }
  if (series.isError) {
    const status = series.error instanceof ApiProblemError ? series.error.problem.status : 0;
    return (
      <Page title={status === 404 || status === 400 ? t.notFound : resultsMessages.indicatorTitle}>
        {status === 404 || status === 400 ? (
          <p>{t.notFoundBody}</p>
        ) : (
          <LoadError message={resultsMessages.loadError} error={series.error} onRetry={() => void series.refetch()} />
        )}
        <p>
          <Link to="/indikatorer">{t.back}</Link>
        </p>
      </Page>
    );
  }
  return <IndicatorPage key={id} series={series.data} />;
}

function IndicatorPage({ series }: { series: IndicatorSeries }) {
  const { indicator } = series;
  const departments = useDepartments();
  const may = useMay('indicator-values:write', { departmentIds: [indicator.ownerDepartmentId] });
  const mayAttach = useMay('effect-logic:write');
  const invalidate = useInvalidateSeries(indicator.id);
  const { announcement, done } = useAnnouncer();
  const owner = departments.data?.items.find((department) => department.id === indicator.ownerDepartmentId)?.name ?? '';
  const recorded = (text: string) => void invalidate().then(() => done(text));
  return (
    <Page title={indicator.name} wide>
      <p className={styles.lead}>
        <Link to="/indikatorer">{t.back}</Link>
      </p>
      <dl className={factStyles.facts} aria-label={t.factsLabel}>
        <div>
          <dt>{ti.code}</dt>
          <dd>{indicator.code}</dd>
        </div>
        <div>
          <dt>{ti.unit}</dt>
          <dd>{ti.unitLabel[indicator.unit] ?? indicator.unit}</dd>
        </div>
        <div>
          <dt>{ti.direction}</dt>
          <dd>{ti.directionLabel[indicator.direction] ?? indicator.direction}</dd>
        </div>
        <div>
          <dt>{ti.source}</dt>
          <dd>{ti.sourceLabel[indicator.source] ?? indicator.source}</dd>
        </div>
        <div>
          <dt>{ti.breakdowns}</dt>
          <dd>
            {indicator.breakdowns?.length
              ? indicator.breakdowns.map((b) => ti.breakdown[b]).join(', ')
              : ti.noBreakdowns}
          </dd>
        </div>
        <div>
          <dt>{ti.owner}</dt>
          <dd>{owner}</dd>
        </div>
        {series.kolada.length > 0 && (
          <div>
            <dt>{t.koladaKpis}</dt>
            <dd>{series.kolada.map((kpi) => `${kpi.kpi}${kpi.title ? ` ${kpi.title}` : ''}`).join('; ')}</dd>
          </div>
        )}
      </dl>
      <LiveRegion announcement={announcement} />
      <SeriesSection series={series} />
      <section aria-labelledby="registrera-varde" className={styles.section}>
        <h2 id="registrera-varde">{t.valueHeading}</h2>
        {may.allowed ? (
          <ValueForm
            indicator={indicator}
            hasBaseline={series.cells.some((cell) => cell.baseline !== null)}
            onRecorded={recorded}
          />
        ) : (
          may.reason && <p className={styles.note}>{t.readOnly(may.reason)}</p>
        )}
      </section>
      {may.allowed && (
        <section aria-labelledby="importera" className={styles.section}>
          <h2 id="importera">{t.importHeading}</h2>
          <ImportForm indicatorId={indicator.id} onImported={recorded} />
        </section>
      )}
      {mayAttach.allowed && (
        <section aria-labelledby="koppla-effekt" className={styles.section}>
          <h2 id="koppla-effekt">{t.attachHeading}</h2>
          <AttachForm indicatorId={indicator.id} onAttached={done} />
        </section>
      )}
    </Page>
  );
}

/** The series of one cell, chosen by the person: baseline and progress in words, a chart and the same figures in a table. */
function SeriesSection({ series }: { series: IndicatorSeries }) {
  const { indicator, cells } = series;
  const districts = useDistricts();
  const districtNames = useMemo(
    () => new Map((districts.data?.items ?? []).map((d) => [d.code, d.name])),
    [districts.data],
  );
  const { control } = useForm<{ cell: string }>({ defaultValues: { cell: 'all' } });
  const chosen = useWatch({ control, name: 'cell' });
  const cell = cells.find((c) => c.cell === chosen) ?? cells[0];
  const rows = useMemo(() => (cell ? seriesRows(cell) : []), [cell]);
  const label = cell ? cellLabel(cell.cell, districtNames) : t.all;
  const unit = indicator.unit;
  const lastTarget = cell?.targets.at(-1);
  return (
    <section aria-labelledby="utveckling" className={styles.section}>
      <h2 id="utveckling">{t.seriesHeading}</h2>
      {cells.length > 1 && (
        <SelectField
          control={control}
          name="cell"
          label={t.cell}
          description={t.cellHelp}
          options={cells.map((c) => ({ id: c.cell, label: cellLabel(c.cell, districtNames) }))}
        />
      )}
      {!cell || rows.length === 0 ? (
        <p>{t.noValues}</p>
      ) : (
        <>
          <p>
            {cell.baseline
              ? t.baselineText(
                  formatFigure(cell.baseline.suppressed ? 'suppressed' : cell.baseline.value, unit),
                  cell.baseline.period,
                )
              : t.noBaseline}
          </p>
          {lastTarget && lastTarget.progress !== null && (
            <p>
              {t.progressText(lastTarget.period, formatPercent(lastTarget.progress))}
              {lastTarget.achieved ? ` (${t.achieved})` : ''}
            </p>
          )}
          <figure className={styles.chart}>
            <Suspense fallback={<p role="status">{t.chartLoading}</p>}>
              <IndicatorChart
                points={chartPoints(rows)}
                baseline={cell.baseline && !cell.baseline.suppressed ? cell.baseline.value : null}
                unit={unit}
                label={t.chartLabel(indicator.name, label)}
              />
            </Suspense>
          </figure>
          <div className={styles.tableScroll}>
            <table className={styles.table}>
              <caption>{t.tableCaption(label)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.period}</th>
                  <th scope="col" className={styles.number}>
                    {t.baseline}
                  </th>
                  <th scope="col" className={styles.number}>
                    {t.actual}
                  </th>
                  <th scope="col" className={styles.number}>
                    {t.target}
                  </th>
                  <th scope="col" className={styles.number}>
                    {t.sweden}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.period}>
                    <th scope="row">{row.period}</th>
                    <td className={styles.number}>{row.baseline === null ? '' : formatFigure(row.baseline, unit)}</td>
                    <td className={styles.number}>{formatFigure(row.actual, unit)}</td>
                    <td className={styles.number}>{formatFigure(row.target, unit)}</td>
                    <td className={styles.number}>{formatFigure(row.sweden, unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.some((row) => [row.baseline, row.actual, row.target].includes('suppressed')) && (
            <p className={styles.muted}>{t.suppressedNote}</p>
          )}
        </>
      )}
      {series.gaps.length > 0 && (
        <>
          <h3>{t.gapsHeading}</h3>
          <ul>
            {series.gaps.map((gap) => (
              <li key={gap.breakdown}>
                {t.gap(
                  cellLabel(gap.minuend, districtNames),
                  cellLabel(gap.subtrahend, districtNames),
                  gap.period,
                  gap.gap === null ? t.gapUnknown : formatFigure(gap.gap, unit),
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
