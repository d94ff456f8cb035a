import { Module } from '@nestjs/common';
import { PortfolioRollupsService } from './portfolio-rollups.service.js';

/** The roll-ups' upkeep without the HTTP side, for the worker. */
@Module({ providers: [PortfolioRollupsService], exports: [PortfolioRollupsService] })
export class PortfolioRollupsModule {}
