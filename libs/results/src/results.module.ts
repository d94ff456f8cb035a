import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EffectLogicController } from './effect-logic/effect-logic.controller.js';
import { EffectLogicService } from './effect-logic/effect-logic.service.js';
import { EffectLinkEntity, EffectNodeEntity } from './effect-logic/effect-node.entity.js';
import { IndicatorEffectNodeEntity, IndicatorEntity, IndicatorValueEntity } from './indicators/indicator.entity.js';
import { IndicatorsController } from './indicators/indicators.controller.js';
import { IndicatorLinksService } from './indicators/indicator-links.service.js';
import { IndicatorSeriesService } from './indicators/indicator-series.service.js';
import { IndicatorValuesService } from './indicators/indicator-values.service.js';
import { IndicatorsService } from './indicators/indicators.service.js';

/** Results: effect logic and the indicators that measure its outcomes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      EffectNodeEntity,
      EffectLinkEntity,
      IndicatorEntity,
      IndicatorValueEntity,
      IndicatorEffectNodeEntity,
    ]),
  ],
  controllers: [EffectLogicController, IndicatorsController],
  providers: [
    EffectLogicService,
    IndicatorsService,
    IndicatorLinksService,
    IndicatorValuesService,
    IndicatorSeriesService,
  ],
  exports: [EffectLogicService, IndicatorsService],
})
export class ResultsModule {}
