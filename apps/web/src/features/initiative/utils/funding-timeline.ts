import type { components } from '../../../lib/api-schema';
import { formatDate, formatMoney, parseCalendarDate } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { initiativeMessages } from '../messages';

type FundingLine = components['schemas']['FundingLineDto'];

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const { year, month, day } = parseCalendarDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export type FundingRow = {
  id: string;
  funder: string;
  sourceType: string;
  amount: string;
  period: string;
  status: NonNullable<FundingLine['status']>;
  statusLabel: string;
  successor: string;
  coverage: string;
  coverageDetail: string | null;
};

export type TimelineBar = FundingRow & {
  /** Where the period starts and how long it lasts, as shares (0–1) of the timeline's span. */
  offset: number;
  width: number;
};

export type FundingTimeline = {
  /** 1 January of the first year and 31 December of the last year any line covers. */
  from: string;
  to: string;
  /** Each year's start on the axis, as a share of the span. */
  years: { year: number; offset: number }[];
  /** Today's place on the axis, when it falls within the span. */
  today: number | null;
  bars: TimelineBar[];
};

/** A line as the table and the timeline name it: its funder and period. */
function lineName(line: FundingLine): string {
  return `${line.funder}, ${initiativeMessages.funding.periodText(formatDate(line.periodStart), formatDate(line.periodEnd))}`;
}

/** The facts of each funding line in words: funder, kind, amount, period, status, successor and coverage decision. */
export function fundingRows(lines: readonly FundingLine[]): FundingRow[] {
  const text = initiativeMessages.funding;
  const byId = new Map(lines.map((line) => [line.id, line]));
  return lines.map((line) => {
    const successor = line.successorFundingId ? byId.get(line.successorFundingId) : undefined;
    const decided = [line.coverageDecidedBy, line.coverageDecidedOn ? formatDate(line.coverageDecidedOn) : null].filter(
      Boolean,
    );
    return {
      id: line.id,
      funder: line.funder,
      sourceType: (messages.vocabulary.fundingSourceType as Record<string, string>)[line.sourceType] ?? line.sourceType,
      amount: formatMoney(line.amountSek),
      period: text.periodText(formatDate(line.periodStart), formatDate(line.periodEnd)),
      status: line.status ?? 'applied',
      statusLabel: messages.vocabulary.fundingStatus[line.status ?? 'applied'],
      successor: successor ? lineName(successor) : text.noSuccessor,
      coverage: text.coverageLabel[line.coverageDecision ?? 'undecided'] ?? String(line.coverageDecision ?? ''),
      coverageDetail:
        [line.coverageNote, decided.length === 2 ? text.decidedBy(decided[0]!, decided[1]!) : (decided[0] ?? null)]
          .filter(Boolean)
          .join(' ') || null,
    };
  });
}

/**
 * The funding lines laid out on a time axis of whole years, in the order the API lists them (by period start): the
 * data behind the timeline, which shows the same facts as the table beside it.
 */
export function fundingTimeline(lines: readonly FundingLine[], today: string): FundingTimeline | null {
  if (lines.length === 0) return null;
  const firstYear = Math.min(...lines.map((line) => parseCalendarDate(line.periodStart).year));
  const lastYear = Math.max(...lines.map((line) => parseCalendarDate(line.periodEnd).year));
  const from = `${firstYear}-01-01`;
  const to = `${lastYear}-12-31`;
  const start = dayNumber(from);
  // The span runs to the end of its last day, so a line ending 31 December reaches the edge.
  const span = dayNumber(to) + 1 - start;
  const at = (date: string) => (dayNumber(date) - start) / span;
  const rows = fundingRows(lines);
  const todayOffset = at(today);
  return {
    from,
    to,
    years: Array.from({ length: lastYear - firstYear + 1 }, (_, index) => ({
      year: firstYear + index,
      offset: at(`${firstYear + index}-01-01`),
    })),
    today: todayOffset >= 0 && todayOffset <= 1 ? todayOffset : null,
    bars: lines.map((line, index) => ({
      ...rows[index]!,
      offset: at(line.periodStart),
      width: (dayNumber(line.periodEnd) + 1 - dayNumber(line.periodStart)) / span,
    })),
  };
}
