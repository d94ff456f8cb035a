import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InitiativeEntity } from '#portfolio';
import { FundingLineEntity } from './funding-line.entity.js';
import { FundingController } from './funding.controller.js';
import { FundingService } from './funding.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([FundingLineEntity, InitiativeEntity])],
  controllers: [FundingController],
  providers: [FundingService],
  exports: [FundingService],
})
export class FundingModule {}
