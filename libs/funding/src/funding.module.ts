import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InitiativeEntity } from '#portfolio';
import { FundingCliffController } from './funding-cliff/funding-cliff.controller.js';
import { FundingCliffService } from './funding-cliff/funding-cliff.service.js';
import { FundingLineEntity } from './funding-line.entity.js';
import { FundingController } from './funding.controller.js';
import { FundingService } from './funding.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([FundingLineEntity, InitiativeEntity])],
  controllers: [FundingController, FundingCliffController],
  providers: [FundingService, FundingCliffService],
  exports: [FundingService, FundingCliffService],
})
export class FundingModule {}
