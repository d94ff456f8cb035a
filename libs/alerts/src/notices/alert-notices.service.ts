import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#common';
import { enqueueNotices } from '#notifications';
import { alertNotices } from './alert-notices.js';
import { weeklyDigestNotices } from './weekly-digest.js';

/** Puts the alerts' notices in the notifications outbox; sending them is the outbox's business. Answers how many are new. */
@Injectable()
export class AlertNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** One mail per recipient for the scan run `runId` (a job run's id), listing the alerts new to them. */
  planAlertNotices(runId: string): Promise<number> {
    return enqueueNotices(this.dataSource, alertNotices(runId, this.leadership, this.timeZone));
  }

  planWeeklyDigest(asOf: string): Promise<number> {
    return enqueueNotices(this.dataSource, weeklyDigestNotices(asOf, this.timeZone, this.leadership));
  }

  private get leadership(): string[] {
    return this.config.get('LEADERSHIP_EMAILS', { infer: true });
  }

  private get timeZone(): string {
    return this.config.get('TIME_ZONE', { infer: true });
  }
}
