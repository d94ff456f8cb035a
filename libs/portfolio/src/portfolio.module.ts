import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GoalsModule } from '#goals';
import { ReferenceDataModule } from '#reference-data';
import { InitiativeParticipantEntity } from './initiatives/initiative-participant.entity.js';
import { InitiativeEntity } from './initiatives/initiative.entity.js';
import { InitiativeHistoryController } from './initiatives/initiative-history.controller.js';
import { InitiativesController } from './initiatives/initiatives.controller.js';
import { InitiativesService } from './initiatives/initiatives.service.js';
import { InitiativeLifecycleService } from './lifecycle/initiative-lifecycle.service.js';
import { InitiativeTransitionEntity } from './lifecycle/initiative-transition.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([InitiativeEntity, InitiativeParticipantEntity, InitiativeTransitionEntity]),
    ReferenceDataModule,
    GoalsModule,
  ],
  controllers: [InitiativesController, InitiativeHistoryController],
  providers: [InitiativesService, InitiativeLifecycleService],
  exports: [InitiativesService],
})
export class PortfolioModule {}
