import { Module } from '@nestjs/common';
import { OverlapRefreshService } from './overlap-refresh.service.js';
import { OverlapScanService } from './overlap-scan.service.js';

/** The overlap scan without the HTTP side, for the worker (as #alerts' AlertScansModule). */
@Module({
  providers: [OverlapScanService, OverlapRefreshService],
  exports: [OverlapScanService, OverlapRefreshService],
})
export class OverlapScanModule {}
