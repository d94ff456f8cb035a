import { messages } from '../../../lib/messages';
import type { FormProblem } from '../../../lib/problem';
import { formatDate, formatMoney, formatPercent } from '../../../lib/format';
import type { AgendaItem, AgendaReason, NewDecision } from '../api/review-queries';
import { reviewMessages } from '../messages';

const t = reviewMessages.item;
export type Decision = NewDecision['decision'];
export const DECISIONS = Object.keys(reviewMessages.decisionLabel) as Decision[];

/** A reason on the agenda in words: what it is, and the facts a person needs to decide. */
export function describeReason(reason: AgendaReason): { heading: string; details: string[] } {
  const { alert, fundingCliff, dueDecision, statusReport, overlap } = reason;
  if (alert) {
    const details = [alert.title, alert.detail];
    if (alert.dueDate) details.push(t.alertDue(formatDate(alert.dueDate)));
    if (alert.amountSek !== null) details.push(t.amount(formatMoney(alert.amountSek)));
    return { heading: t.alert(messages.vocabulary.alertKind[alert.kind]), details };
  }
  if (fundingCliff) {
    const lines = fundingCliff.lines.map((line) =>
      t.cliffLine(line.funder, formatDate(line.periodEnd), formatMoney(line.notTakenOverSek)),
    );
    const uncovered =
      fundingCliff.uncoveredAnnualCostSek === null
        ? []
        : [t.uncovered(formatMoney(fundingCliff.uncoveredAnnualCostSek))];
    return { heading: t.cliff(fundingCliff.year), details: [...lines, ...uncovered] };
  }
  if (dueDecision) {
    return {
      heading: t.dueDecision(
        reviewMessages.decisionLabel[dueDecision.decision],
        dueDecision.reviewTitle,
        formatDate(dueDecision.meetingDate),
      ),
      details: [t.dueDecisionFollowUp(formatDate(dueDecision.followUpDate)), t.rationaleThen(dueDecision.rationale)],
    };
  }
  if (statusReport) {
    const heading =
      statusReport.status === 'returned'
        ? t.reportReturned(statusReport.roundTitle)
        : t.reportMissing(statusReport.roundTitle, formatDate(statusReport.dueDate));
    return { heading, details: [] };
  }
  if (overlap) {
    const other = overlap.otherInitiative;
    return {
      heading: t.overlap(other.code, other.title, formatPercent(overlap.score)),
      details: [t.overlapReasons(overlap.reasons.join(', '))],
    };
  }
  return { heading: reviewMessages.reason[reason.kind], details: [] };
}

/** The agenda column "Varför": each kind once, in the agenda's order. */
export function reasonSummary(item: AgendaItem): string {
  if (item.reasons.length === 0) return reviewMessages.reason.settled;
  return [...new Set(item.reasons.map((reason) => reviewMessages.reason[reason.kind]))].join(', ');
}

/** Where an initiative is on the agenda, with its neighbours, for "Punkt 3 av 7" and moving on by keyboard. */
export function agendaPosition(items: readonly AgendaItem[], code: string) {
  const index = items.findIndex((item) => item.initiative.code === code);
  if (index < 0) return null;
  // After a decision the meeting goes on with the next item still undecided, wherever it is.
  const nextUndecided = [...items.slice(index + 1), ...items.slice(0, index)].find((item) => !item.decision) ?? null;
  return {
    item: items[index]!,
    position: index + 1,
    total: items.length,
    previous: items[index - 1] ?? null,
    next: items[index + 1] ?? null,
    nextUndecided,
  };
}

/** No decision chosen is null, not '' (a radio group with the value '' would leave no radio in the tab order). */
export type DecisionValues = { decision: Decision | null; rationale: string; followUpDate: string };

/** The form's values as the API takes them: no follow-up date is null, not an empty string. */
export function decisionBody(initiativeId: string, values: DecisionValues): NewDecision {
  return {
    initiativeId,
    decision: values.decision as Decision,
    rationale: values.rationale,
    followUpDate: values.followUpDate || null,
  };
}

const stockholmDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Sweden, `YYYY-MM-DD`: a meeting on or before it has been held, a later one is planned. */
export function today(now: Date = new Date()): string {
  return stockholmDay.format(now);
}

export function isHeld(meetingDate: string, now: Date = new Date()): boolean {
  return meetingDate <= today(now);
}

/**
 * A 409 other than a second decision on the initiative (which names `initiativeId`) is the lifecycle refusing: the
 * move is not allowed from the initiative's status (the API names `to`), or the initiative has ended. Said in one
 * Swedish sentence instead of the API's English.
 */
export function withRefusedMove(problem: FormProblem | null): FormProblem | null {
  if (problem?.status !== 409 || problem.otherErrors.some((error) => error.field === 'initiativeId')) return problem;
  return {
    ...problem,
    otherErrors: problem.otherErrors.filter((error) => error.field !== 'to'),
    summary: reviewMessages.decide.notAllowed,
  };
}
