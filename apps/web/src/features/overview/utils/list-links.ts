import type { RegisteredRouter } from '@tanstack/react-router';
import type { components } from '../../../lib/api-schema';

/**
 * Links from the overview's figures to the lists that hold what they count. The list's URL is the contract: the
 * search is typed by the router's own routes (`/insatser`, `/larm`), so a renamed or dropped filter is a compile error
 * here, without importing another feature. The names are the API's query parameters.
 */
type Routes = RegisteredRouter['routesById'];
export type InitiativeListSearch = Routes['/insatser']['types']['fullSearchSchema'];
export type AlertListSearch = Routes['/larm']['types']['fullSearchSchema'];

type InitiativeStatus = components['schemas']['InitiativeDto']['status'];
type FundingSourceType = components['schemas']['FundingLineDto']['sourceType'];
type AlertSeverity = components['schemas']['AlertDto']['severity'];

export type ListLink = { to: '/insatser'; search: InitiativeListSearch } | { to: '/larm'; search: AlertListSearch };

export const initiativeLinks = {
  all: (): ListLink => ({ to: '/insatser', search: {} }),
  byStatus: (...status: InitiativeStatus[]): ListLink => ({ to: '/insatser', search: { status } }),
  byLeadDepartment: (leadDepartmentId: string): ListLink => ({ to: '/insatser', search: { leadDepartmentId } }),
  byGoal: (goalId: string): ListLink => ({ to: '/insatser', search: { goalId } }),
  byFundingSourceType: (fundingSourceType: FundingSourceType): ListLink => ({
    to: '/insatser',
    search: { fundingSourceType: [fundingSourceType] },
  }),
};

export const alertLinks = {
  open: (): ListLink => ({ to: '/larm', search: {} }),
  bySeverity: (severity: AlertSeverity): ListLink => ({ to: '/larm', search: { severity } }),
};
