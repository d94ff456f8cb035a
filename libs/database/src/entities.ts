import { AlertEntity, AlertNoticeEntity } from '#alerts';
import { ReportingRoundEntity, StatusReportEntity } from '#follow-up';
import { FundingLineEntity } from '#funding';
import { GoalEntity } from '#goals';
import { JobRunEntity } from '#jobs';
import { ApiKeyEntity, AuditEventEntity, UserEntity } from '#identity';
import { BudgetDimensionCodeEntity, BudgetDimensionEntity, BudgetLineEntity, IdempotencyKeyEntity, WebhookDeliveryAttemptEntity, WebhookDeliveryEntity, WebhookEventEntity, WebhookSubscriptionEntity } from '#integration';
import { NotificationEntity } from '#notifications';
import { InitiativeEntity, InitiativeParticipantEntity, InitiativeTransitionEntity } from '#portfolio';
import { OverlapFactsEntity, OverlapPairEntity, OverlapReviewEntity, PortfolioDecisionEntity, PortfolioReviewEntity } from '#portfolio-review';
import { DepartmentEntity, DistrictEntity, TargetGroupEntity } from '#reference-data';
import { EffectLinkEntity, EffectNodeEntity, IndicatorEffectNodeEntity, IndicatorEntity, IndicatorValueEntity, KoladaKpiEntity } from '#results';

/** Every entity of every context, in one list shared by the apps, the migration CLI and the tests. */
export const ENTITIES = [
  DepartmentEntity,
  TargetGroupEntity,
  DistrictEntity,
  GoalEntity,
  InitiativeEntity,
  InitiativeParticipantEntity,
  InitiativeTransitionEntity,
  FundingLineEntity,
  UserEntity,
  ApiKeyEntity,
  AuditEventEntity,
  AlertEntity,
  AlertNoticeEntity,
  NotificationEntity,
  JobRunEntity,
  EffectNodeEntity,
  EffectLinkEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  IndicatorEffectNodeEntity,
  KoladaKpiEntity,
  ReportingRoundEntity,
  StatusReportEntity,
  PortfolioReviewEntity,
  PortfolioDecisionEntity,
  OverlapReviewEntity,
  OverlapPairEntity,
  OverlapFactsEntity,
  BudgetDimensionEntity,
  BudgetDimensionCodeEntity,
  BudgetLineEntity,
  IdempotencyKeyEntity,
  WebhookSubscriptionEntity,
  WebhookEventEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryAttemptEntity,
];
