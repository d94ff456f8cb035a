import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EffectLogicController } from './effect-logic/effect-logic.controller.js';
import { EffectLogicService } from './effect-logic/effect-logic.service.js';
import { EffectLinkEntity, EffectNodeEntity } from './effect-logic/effect-node.entity.js';

/** Results: effect logic now; indicators join this context later. */
@Module({
  imports: [TypeOrmModule.forFeature([EffectNodeEntity, EffectLinkEntity])],
  controllers: [EffectLogicController],
  providers: [EffectLogicService],
  exports: [EffectLogicService],
})
export class ResultsModule {}
