import { Extensions1795400000000 } from './1795400000000-Extensions.js';
import { Foundation1795424902255 } from './1795424902255-Foundation.js';
import { FoundationSql1795424902256 } from './1795424902256-FoundationSql.js';
import { IdentityAndAudit1795433097648 } from './1795433097648-IdentityAndAudit.js';
import { AuditAppendOnly1795433097649 } from './1795433097649-AuditAppendOnly.js';
import { AuditSubject1795433475886 } from './1795433475886-AuditSubject.js';
import { AlertsAndJobs1795436547631 } from './1795436547631-AlertsAndJobs.js';
import { NotificationOutbox1795439588609 } from './1795439588609-NotificationOutbox.js';
import { ReportingRounds1795441309726 } from './1795441309726-ReportingRounds.js';
import { EffectLogic1795441421099 } from './1795441421099-EffectLogic.js';
import { Indicators1795442735167 } from './1795442735167-Indicators.js';
import { KoladaSwedenAndKpis1795444673511 } from './1795444673511-KoladaSwedenAndKpis.js';
import { PortfolioReviews1795447233721 } from './1795447233721-PortfolioReviews.js';
import { Overlaps1795447390381 } from './1795447390381-Overlaps.js';
import { BudgetIntegration1795447420922 } from './1795447420922-BudgetIntegration.js';
import { ChangeFeed1795449458531 } from './1795449458531-ChangeFeed.js';
import { OverlapPairs1795449560273 } from './1795449560273-OverlapPairs.js';
import { BudgetFinance1795450739506 } from './1795450739506-BudgetFinance.js';
import { Webhooks1795451882000 } from './1795451882000-Webhooks.js';
import { AlertNotices1795453000000 } from './1795453000000-AlertNotices.js';
import { OverlapOutbox1795454000000 } from './1795454000000-OverlapOutbox.js';
import { BudgetLinesTextKey1795455000000 } from './1795455000000-BudgetLinesTextKey.js';
import { InitiativeFacts1795456000000 } from './1795456000000-InitiativeFacts.js';
import { FundingLineFacts1795457000000 } from './1795457000000-FundingLineFacts.js';
import { FundingLinesByInitiative1795458000000 } from './1795458000000-FundingLinesByInitiative.js';
import { GrantedFundingLinesByEnd1795459500000 } from './1795459500000-GrantedFundingLinesByEnd.js';
import { ReadinessFacts1795460000000 } from './1795460000000-ReadinessFacts.js';
import { PortfolioRollups1795461000000 } from './1795461000000-PortfolioRollups.js';
import { LeadershipReadIndexes1795462000000 } from './1795462000000-LeadershipReadIndexes.js';
import { ReportFacts1795463000000 } from './1795463000000-ReportFacts.js';
import { FundingLineCliffFacts1795464000000 } from './1795464000000-FundingLineCliffFacts.js';
import { RankedReportsIndex1795465000000 } from './1795465000000-RankedReportsIndex.js';
import { CliffLeadDepartmentIndex1795466000000 } from './1795466000000-CliffLeadDepartmentIndex.js';
import { FundingLineMonthlyShare1795467000000 } from './1795467000000-FundingLineMonthlyShare.js';
import { SummaryReadIndexes1795468000000 } from './1795468000000-SummaryReadIndexes.js';
import { UndecidedCliffLines1795469000000 } from './1795469000000-UndecidedCliffLines.js';
import { DepartmentRollups1795470000000 } from './1795470000000-DepartmentRollups.js';
import { AlertWebhookEvents1795471000000 } from './1795471000000-AlertWebhookEvents.js';
import { PayingFundingLines1795472000000 } from './1795472000000-PayingFundingLines.js';
import { FunderDeadlineDates1795473000000 } from './1795473000000-FunderDeadlineDates.js';
import { AlertsRoomForUpdates1795474000000 } from './1795474000000-AlertsRoomForUpdates.js';

/** Migrations in the order they run. `npm run migration:generate -- Name` writes a file here; add its class below. */
export const MIGRATIONS = [
  Extensions1795400000000,
  Foundation1795424902255,
  FoundationSql1795424902256,
  IdentityAndAudit1795433097648,
  AuditAppendOnly1795433097649,
  AuditSubject1795433475886,
  AlertsAndJobs1795436547631,
  NotificationOutbox1795439588609,
  ReportingRounds1795441309726,
  EffectLogic1795441421099,
  Indicators1795442735167,
  KoladaSwedenAndKpis1795444673511,
  PortfolioReviews1795447233721,
  Overlaps1795447390381,
  BudgetIntegration1795447420922,
  ChangeFeed1795449458531,
  OverlapPairs1795449560273,
  BudgetFinance1795450739506,
  Webhooks1795451882000,
  AlertNotices1795453000000,
  OverlapOutbox1795454000000,
  BudgetLinesTextKey1795455000000,
  InitiativeFacts1795456000000,
  FundingLineFacts1795457000000,
  FundingLinesByInitiative1795458000000,
  GrantedFundingLinesByEnd1795459500000,
  ReadinessFacts1795460000000,
  PortfolioRollups1795461000000,
  LeadershipReadIndexes1795462000000,
  ReportFacts1795463000000,
  FundingLineCliffFacts1795464000000,
  RankedReportsIndex1795465000000,
  CliffLeadDepartmentIndex1795466000000,
  FundingLineMonthlyShare1795467000000,
  SummaryReadIndexes1795468000000,
  UndecidedCliffLines1795469000000,
  DepartmentRollups1795470000000,
  AlertWebhookEvents1795471000000,
  PayingFundingLines1795472000000,
  FunderDeadlineDates1795473000000,
  AlertsRoomForUpdates1795474000000,
];
