/** Which way an indicator's last two measurements moved, judged by its direction. */
export const INDICATOR_TRENDS = ['improving', 'worsening', 'unchanged'] as const;
export type IndicatorTrend = (typeof INDICATOR_TRENDS)[number];
