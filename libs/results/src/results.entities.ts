import { EffectNodeEntity, EffectLinkEntity } from './effect-logic/effect-node.entity.js';
import { IndicatorEntity, IndicatorValueEntity, IndicatorEffectNodeEntity } from './indicators/indicator.entity.js';
import { KoladaKpiEntity } from './kolada/kolada-kpi.entity.js';

/** This context's tables, for the DataSource of the apps, the migration CLI and the tests (#schema gathers every context's). */
export const RESULTS_ENTITIES = [
  EffectNodeEntity,
  EffectLinkEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  IndicatorEffectNodeEntity,
  KoladaKpiEntity,
];
