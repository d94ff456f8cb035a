export * from './funding-line.entity.js';
export * from './funding.module.js';
export * from './funding.service.js';
export * from './dto/funding-line.dto.js';
export { FundingCliffService } from './funding-cliff/funding-cliff.service.js';
export {
  buildFundingCliffSql,
  cliffTotalsSql,
  FUNDING_CLIFF_EARLIER_PAGE_SQL,
  FUNDING_CLIFF_MONTH_PAGE_SQL,
  FUNDING_CLIFF_SQL,
  FUNDING_CLIFF_EARLIER_TOTALS_SQL,
  FUNDING_CLIFF_WINDOW_TOTALS_SQL,
  fundingCliffCtes,
  type FundingCliffSqlOptions,
} from './funding-cliff/funding-cliff.sql.js';
export { CliffLineDto, DEFAULT_CLIFF_MONTHS, type FundingCliffDto } from './funding-cliff/funding-cliff.dto.js';
export * from './spending/spending-forecast.sql.js';
export { FUNDING_ENTITIES } from './funding.entities.js';
