import { Link } from '@tanstack/react-router';
import type { components } from '../../../lib/api-schema';
import { useMay } from '../../../lib/auth/use-may';
import { formatDate } from '../../../lib/format';
import { useFunding } from '../api/initiative-queries';
import { fundingRows, fundingTimeline, type FundingRow, type FundingTimeline } from '../utils/funding-timeline';
import { QuerySection } from './section';
import { Shape, type ShapeName } from './shapes';
import styles from './initiative.module.css';
import { initiativeMessages } from '../messages';

type FundingLine = components['schemas']['FundingLineDto'];
type Initiative = components['schemas']['InitiativeDto'];

const STATUS_SHAPE: Record<FundingRow['status'], ShapeName> = {
  applied: 'ring',
  granted: 'circle',
  rejected: 'cross',
  ended: 'square',
};

// The timeline's drawing, in its own units: the SVG scales to the width it gets.
const WIDTH = 1000;
const LABEL = 24;
const BAR = 22;
const ROW = LABEL + BAR + 14;
const AXIS = 28;

/**
 * The funding periods on a time axis. It draws what the table under it says (funder, period, status by pattern and
 * outline, not by colour alone), so it is one image to assistive technology, named with its span and pointing to the
 * table.
 */
export function FundingTimelineChart({ timeline }: { timeline: FundingTimeline }) {
  const text = initiativeMessages.funding;
  const height = AXIS + timeline.bars.length * ROW;
  return (
    <svg
      className={styles.timeline}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={text.timelineLabel(formatDate(timeline.from), formatDate(timeline.to), timeline.bars.length)}
    >
      {timeline.years.map(({ year, offset }) => (
        <g key={year}>
          <line x1={offset * WIDTH} x2={offset * WIDTH} y1={0} y2={height} className={styles.timelineGrid} />
          <text x={offset * WIDTH + 4} y={16} className={styles.timelineYear}>
            {year}
          </text>
        </g>
      ))}
      {timeline.bars.map((bar, index) => {
        const y = AXIS + index * ROW;
        const x = bar.offset * WIDTH;
        const width = Math.max(bar.width * WIDTH, 3);
        // The label starts at the bar, or ends at the right edge when the bar is near it.
        const anchorEnd = x > WIDTH * 0.6;
        return (
          <g key={bar.id}>
            <text
              x={anchorEnd ? Math.min(x + width, WIDTH) - 2 : x + 2}
              y={y + LABEL - 7}
              textAnchor={anchorEnd ? 'end' : 'start'}
              className={styles.timelineLabel}
            >
              {`${bar.funder} · ${bar.statusLabel} · ${bar.amount}`}
            </text>
            <rect
              x={x}
              y={y + LABEL}
              width={width}
              height={BAR}
              rx={3}
              className={`${styles.timelineBar} ${styles[`bar-${bar.status}`]}`}
            />
          </g>
        );
      })}
      {timeline.today !== null && (
        <g>
          <line
            x1={timeline.today * WIDTH}
            x2={timeline.today * WIDTH}
            y1={AXIS - 6}
            y2={height}
            className={styles.timelineToday}
          />
          <text x={timeline.today * WIDTH - 4} y={AXIS - 10} textAnchor="end" className={styles.timelineTodayLabel}>
            {text.today}
          </text>
        </g>
      )}
    </svg>
  );
}

export function FundingTable({ rows }: { rows: FundingRow[] }) {
  const text = initiativeMessages.funding;
  return (
    <div className={styles.tableScroll}>
      <table className={styles.table}>
        <caption>{text.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.funder}</th>
            <th scope="col">{text.sourceType}</th>
            <th scope="col" className={styles.number}>
              {text.amount}
            </th>
            <th scope="col">{text.period}</th>
            <th scope="col">{text.status}</th>
            <th scope="col">{text.successor}</th>
            <th scope="col">{text.coverage}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.funder}</th>
              <td>{row.sourceType}</td>
              <td className={styles.number}>{row.amount}</td>
              <td>{row.period}</td>
              <td>
                <span className={styles.badge}>
                  <Shape name={STATUS_SHAPE[row.status]} /> {row.statusLabel}
                </span>
              </td>
              <td>{row.successor}</td>
              <td>
                {row.coverage}
                {row.coverageDetail && <div className={styles.muted}>{row.coverageDetail}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Today in Stockholm, as the API's calendar dates are. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

export function FundingView({ lines, asOf = today() }: { lines: FundingLine[]; asOf?: string }) {
  const timeline = fundingTimeline(lines, asOf);
  if (!timeline) return <p>{initiativeMessages.funding.none}</p>;
  return (
    <>
      <FundingTimelineChart timeline={timeline} />
      <FundingTable rows={fundingRows(lines)} />
    </>
  );
}

/** The funding read only, and the way to Finansiering for whoever may write this initiative's funding. */
export function FundingSection({ initiative }: { initiative: Initiative }) {
  const funding = useFunding(initiative.id);
  const owners = [
    initiative.leadDepartmentId,
    ...(initiative.participants ?? []).filter((p) => p.role === 'co_owner').map((p) => p.departmentId),
  ];
  const mayEdit = useMay('funding:write', { departmentIds: owners }).allowed;
  return (
    <QuerySection name="funding" query={funding}>
      {(page) => (
        <>
          {mayEdit && (
            <p>
              <Link to="/insatser/$code/finansiering" params={{ code: initiative.code }}>
                {initiativeMessages.funding.edit}
              </Link>
            </p>
          )}
          <FundingView lines={page.items} />
        </>
      )}
    </QuerySection>
  );
}
