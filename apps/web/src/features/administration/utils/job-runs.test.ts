import { describe, expect, it } from 'vitest';
import { administrationMessages } from '../messages';
import { countsInWords, isUnderway, jobLabel, RUNNABLE_JOBS } from './job-runs';

const t = administrationMessages.jobs;

describe('job runs', () => {
  it('should offer every job but those a record queues, the full portfolio scan first', () => {
    expect(RUNNABLE_JOBS[0]).toBe('scan-portfolio');
    expect(RUNNABLE_JOBS).toContain('grant_expiring');
    expect(RUNNABLE_JOBS).not.toContain('create-status-reports');
    expect(RUNNABLE_JOBS).toContain('refresh-overlaps');
  });

  it('should name a job in Swedish, and one it does not know by its own name', () => {
    expect(jobLabel('scan-portfolio')).toBe(t.jobName['scan-portfolio']);
    expect(jobLabel('create-status-reports')).toBe(t.jobName['create-status-reports']);
    expect(jobLabel('scan-everything')).toBe('scan-everything');
    expect(jobLabel('toString')).toBe('toString');
  });

  it('should call a queued or running run underway, a finished one not', () => {
    expect([
      isUnderway({ status: 'queued' }),
      isUnderway({ status: 'running' }),
      isUnderway({ status: 'completed' }),
      isUnderway({ status: 'failed' }),
    ]).toEqual([true, true, false, false]);
  });

  it('should say the counts a job reports and leave out the ones it does not', () => {
    expect(countsInWords(null)).toEqual([]);
    expect(countsInWords({ raised: 3, escalated: 1, resolved: 0 })).toEqual([
      '3 nya larm',
      '1 larm skärpta',
      '0 larm lösta',
    ]);
    expect(
      countsInWords({ raised: 0, escalated: 0, resolved: 0, notified: 2, missingKpis: ['N02267', 'U01'] }),
    ).toEqual([
      '0 nya larm',
      '0 larm skärpta',
      '0 larm lösta',
      '2 aviseringar skickade',
      'Inga värden för N02267, U01',
    ]);
    expect(countsInWords({ raised: 0, escalated: 0, resolved: 0, rescored: 12 })).toContain('12 insatser omräknade');
  });
});
