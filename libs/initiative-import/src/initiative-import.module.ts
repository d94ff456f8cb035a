import { Module } from '@nestjs/common';
import { FundingModule } from '#funding';
import { PortfolioModule } from '#portfolio';
import { InitiativeImportController } from './initiative-import.controller.js';
import { InitiativeImportService } from './initiative-import.service.js';

@Module({
  imports: [PortfolioModule, FundingModule],
  controllers: [InitiativeImportController],
  providers: [InitiativeImportService],
})
export class InitiativeImportModule {}
