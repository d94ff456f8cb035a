import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { LoadError } from '../../../components/load-error';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { Page } from '../../../components/layout/page';
import { api, ApiProblemError, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { useMay } from '../../../lib/auth/use-may';
import {
  useGoalChains,
  useIndicators,
  useInitiativeByCode,
  useInitiativeEffectLogic,
  useInvalidateEffectLogic,
  type EffectGraph,
  type EffectGraphNode,
  type EffectLevel,
} from '../api/results-queries';
import { resultsMessages } from '../messages';
import { EFFECT_LEVELS, linkTargets, MEASURABLE_LEVELS, nodesByLevel } from '../utils/effect-levels';
import { EffectDiagram } from './effect-diagram';
import { AddNodeForm, LinkForm, MeasureForm, RenameNodeForm } from './effect-node-forms';
import { focusById, LiveRegion, useAnnouncer } from './feedback';
import styles from './results.module.css';

type Initiative = components['schemas']['InitiativeDto'];
type Editing =
  { kind: 'add'; level: EffectLevel } | { kind: 'rename' | 'link' | 'measure' | 'remove'; nodeId: string } | null;

const t = resultsMessages.effectLogic;
const capitalised = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

// Ids focus returns to after an action, so a keyboard user goes on from where they were.
const levelHeadingId = (level: EffectLevel) => `niva-${level}`;
const addButtonId = (level: EffectLevel) => `niva-${level}-ny`;
const actionId = (nodeId: string, action: string) => `steg-${nodeId}-${action}`;

/** Effektlogik: the route's component, the initiative by the code in the address. */
export function EffectLogicRoutePage() {
  const { code = '' } = useParams({ strict: false });
  const initiative = useInitiativeByCode(code);
  if (initiative.isPending) {
    return (
      <Page title={resultsMessages.effectLogicTitle}>
        <p role="status">{resultsMessages.loading}</p>
      </Page>
    );
  }
  if (initiative.isError) {
    const status = initiative.error instanceof ApiProblemError ? initiative.error.problem.status : 0;
    if (status === 404 || status === 400) {
      return (
        <Page title={t.notFound}>
          <p>{t.notFoundBody(code)}</p>
          <p>
            <Link to="/insatser">{t.backToList}</Link>
          </p>
        </Page>
      );
    }
    return (
      <Page title={resultsMessages.effectLogicTitle}>
        <LoadError
          message={resultsMessages.loadError}
          error={initiative.error}
          onRetry={() => void initiative.refetch()}
        />
      </Page>
    );
  }
  return <EffectLogicPage key={initiative.data.id} initiative={initiative.data} />;
}

function EffectLogicPage({ initiative }: { initiative: Initiative }) {
  const owners = [
    initiative.leadDepartmentId,
    ...(initiative.participants ?? []).filter((p) => p.role === 'co_owner').map((p) => p.departmentId),
  ];
  const may = useMay('effect-logic:write', { departmentIds: owners });
  const graph = useInitiativeEffectLogic(initiative.id);
  return (
    <Page title={t.title(initiative.title)} wide>
      <p className={styles.lead}>
        <Link to="/insatser/$code" params={{ code: initiative.code }}>
          {t.backToInitiative(initiative.code)}
        </Link>
      </p>
      <p className={styles.intro}>{t.intro}</p>
      {!may.allowed && may.reason && <p className={styles.note}>{t.readOnly(may.reason)}</p>}
      {graph.isPending ? (
        <p role="status">{resultsMessages.loading}</p>
      ) : graph.isError ? (
        <LoadError message={resultsMessages.loadError} error={graph.error} onRetry={() => void graph.refetch()} />
      ) : (
        <EffectLogicEditor graph={graph.data} initiativeId={initiative.id} canWrite={may.allowed} />
      )}
    </Page>
  );
}

function EffectLogicEditor({
  graph,
  initiativeId,
  canWrite,
}: {
  graph: EffectGraph;
  initiativeId: string;
  canWrite: boolean;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const { announcement, done, failed } = useAnnouncer();
  const invalidate = useInvalidateEffectLogic(initiativeId);
  const chainIds = useMemo(() => (graph.goalChains ?? []).map((chain) => chain.id), [graph.goalChains]);
  const chains = useGoalChains(chainIds);
  const indicators = useIndicators();
  const own = graph.nodes.filter((node) => node.owner.id === graph.owner.id);
  const byLevel = nodesByLevel(own);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  // Where a node may lead: later nodes of its own chain and of the shared chains within reach.
  const candidates = [
    ...own,
    ...chains.flatMap((chain) =>
      chain.data ? chain.data.nodes.filter((node) => node.owner.id === chain.data.owner.id) : [],
    ),
  ];

  /** Closes the open form, reads the chain again, says what happened and puts focus back where the person was. */
  const finish = async (text: string, focusId: string) => {
    setEditing(null);
    await invalidate();
    done(text);
    focusById(focusId);
  };
  const act = async (call: Promise<unknown>, text: string, focusId: string) => {
    try {
      await call;
      await finish(text, focusId);
    } catch (error) {
      failed(error);
    }
  };
  const cancel = (focusId: string) => () => {
    setEditing(null);
    focusById(focusId);
  };

  const chainLabel = (node: EffectGraphNode) =>
    node.owner.id === graph.owner.id ? null : t.sharedChain(node.owner.code);

  function renderNode(node: EffectGraphNode) {
    const outgoing = graph.links.filter((link) => link.fromNodeId === node.id);
    const open = editing && editing.kind !== 'add' && editing.nodeId === node.id ? editing.kind : null;
    const targets = linkTargets(node, candidates, graph.links).map((target) => ({
      id: target.id,
      title: target.title,
      label: t.targetOption(capitalised(resultsMessages.levelOne[target.level]), target.title, chainLabel(target)),
    }));
    const linked = new Set(node.indicators.map((indicator) => indicator.id));
    const indicatorOptions = (indicators.data?.items ?? [])
      .filter((i) => !linked.has(i.id))
      .map((i) => ({ id: i.id, label: `${i.code} ${i.name}` }));
    return (
      <li key={node.id} className={styles.node} id={`steg-${node.id}`}>
        <h3 className={styles.nodeTitle}>{node.title}</h3>
        {node.description && <p className={styles.muted}>{node.description}</p>}
        {outgoing.length === 0 ? (
          <p className={styles.muted}>{t.leadsToNothing}</p>
        ) : (
          <div>
            <p className={styles.label}>{t.leadsTo}</p>
            <ul className={styles.links}>
              {outgoing.map((link) => {
                const to = byId.get(link.toNodeId);
                const name = to ? `${to.title}${chainLabel(to) ? ` (${chainLabel(to)})` : ''}` : '';
                return (
                  <li key={link.id}>
                    <span>
                      <span aria-hidden="true">→ </span>
                      {name}
                    </span>
                    {canWrite && (
                      <FormButton
                        variant="secondary"
                        className={styles.small}
                        onPress={() =>
                          void act(
                            unwrap(api.DELETE('/effect-links/{id}', { params: { path: { id: link.id } } })),
                            t.done.unlinked(node.title, to?.title ?? ''),
                            actionId(node.id, 'koppla'),
                          )
                        }
                      >
                        {t.unlink(to?.title ?? '')}
                      </FormButton>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {node.indicators.length > 0 && (
          <div>
            <p className={styles.label}>{t.measuredBy}</p>
            <ul className={styles.links}>
              {node.indicators.map((indicator) => (
                <li key={indicator.id}>
                  <Link to="/indikatorer/$id" params={{ id: indicator.id }}>
                    {indicator.code} {indicator.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        {canWrite && (
          <div role="group" aria-label={t.actionsFor(node.title)} className={styles.actions}>
            <FormButton
              variant="secondary"
              id={actionId(node.id, 'koppla')}
              aria-label={t.linkLabel(node.title)}
              onPress={() => setEditing({ kind: 'link', nodeId: node.id })}
            >
              {t.link}
            </FormButton>
            {MEASURABLE_LEVELS.has(node.level) && (
              <FormButton
                variant="secondary"
                id={actionId(node.id, 'indikator')}
                aria-label={t.measureLabel(node.title)}
                onPress={() => setEditing({ kind: 'measure', nodeId: node.id })}
              >
                {t.measure}
              </FormButton>
            )}
            <FormButton
              variant="secondary"
              id={actionId(node.id, 'namn')}
              aria-label={t.renameLabel(node.title)}
              onPress={() => setEditing({ kind: 'rename', nodeId: node.id })}
            >
              {t.rename}
            </FormButton>
            <FormButton
              variant="secondary"
              id={actionId(node.id, 'ta-bort')}
              aria-label={t.removeLabel(node.title)}
              onPress={() => setEditing({ kind: 'remove', nodeId: node.id })}
            >
              {t.remove}
            </FormButton>
          </div>
        )}
        {open === 'link' && (
          <LinkForm
            node={node}
            targets={targets}
            heading={t.linkLabel(node.title)}
            onCancel={cancel(actionId(node.id, 'koppla'))}
            onLinked={(to) => void finish(t.done.linked(node.title, to), actionId(node.id, 'koppla'))}
          />
        )}
        {open === 'measure' && !indicators.isSuccess && <p role="status">{resultsMessages.loading}</p>}
        {open === 'measure' && indicators.isSuccess && (
          <MeasureForm
            node={node}
            indicators={indicatorOptions}
            heading={t.measureLabel(node.title)}
            onCancel={cancel(actionId(node.id, 'indikator'))}
            onMeasured={(indicator) =>
              void finish(t.done.measured(node.title, indicator), actionId(node.id, 'indikator'))
            }
          />
        )}
        {open === 'rename' && (
          <RenameNodeForm
            node={node}
            heading={t.renameLabel(node.title)}
            onCancel={cancel(actionId(node.id, 'namn'))}
            onRenamed={(title) => void finish(t.done.renamed(title), actionId(node.id, 'namn'))}
          />
        )}
        {open === 'remove' && (
          <div className={styles.inlineForm} role="group" aria-label={t.removeLabel(node.title)}>
            <p>{t.removeConfirm(node.title)}</p>
            <FormActions>
              <FormButton
                autoFocus
                onPress={() =>
                  void act(
                    unwrap(api.DELETE('/effect-nodes/{id}', { params: { path: { id: node.id } } })),
                    t.done.removed(node.title),
                    levelHeadingId(node.level),
                  )
                }
              >
                {t.removeYes}
              </FormButton>
              <FormButton variant="secondary" onPress={cancel(actionId(node.id, 'ta-bort'))}>
                {t.cancel}
              </FormButton>
            </FormActions>
          </div>
        )}
      </li>
    );
  }

  return (
    <div className={styles.editor}>
      <div className={styles.chainList}>
        <LiveRegion announcement={announcement} />
        {EFFECT_LEVELS.map((level) => {
          const nodes = byLevel.get(level) ?? [];
          return (
            <section key={level} aria-labelledby={levelHeadingId(level)} className={styles.level}>
              <h2 id={levelHeadingId(level)} tabIndex={-1} className={styles.levelHeading}>
                {resultsMessages.level[level]}
              </h2>
              <p className={styles.muted}>{t.levelHelp[level]}</p>
              {nodes.length === 0 ? (
                <p>{t.noneAtLevel(resultsMessages.level[level])}</p>
              ) : (
                <ul className={styles.nodes}>{nodes.map(renderNode)}</ul>
              )}
              {canWrite &&
                (editing?.kind === 'add' && editing.level === level ? (
                  <AddNodeForm
                    initiativeId={initiativeId}
                    level={level}
                    heading={t.addTitle(resultsMessages.levelOne[level])}
                    onCancel={cancel(addButtonId(level))}
                    onAdded={(title) =>
                      void finish(t.done.added(resultsMessages.level[level], title), addButtonId(level))
                    }
                  />
                ) : (
                  <FormButton
                    variant="secondary"
                    id={addButtonId(level)}
                    onPress={() => setEditing({ kind: 'add', level })}
                  >
                    {t.add(resultsMessages.levelOne[level])}
                  </FormButton>
                ))}
            </section>
          );
        })}
        <SharedChains chains={chains} ownerId={graph.owner.id} />
      </div>
      <section aria-labelledby="effektlogik-diagram" className={styles.diagramColumn}>
        <h2 id="effektlogik-diagram">{t.diagramHeading}</h2>
        <EffectDiagram graph={graph} />
      </section>
    </div>
  );
}

/** The shared chains within reach, each node with the initiatives that contribute to it. */
function SharedChains({ chains, ownerId }: { chains: ReturnType<typeof useGoalChains>; ownerId: string }) {
  return (
    <section aria-labelledby="delade-kedjor" className={styles.level}>
      <h2 id="delade-kedjor">{t.sharedHeading}</h2>
      <p>{chains.length === 0 ? t.sharedNone : t.sharedIntro}</p>
      {chains.map((chain, index) =>
        chain.isPending ? (
          <p key={index} className={styles.muted}>
            {resultsMessages.loading}
          </p>
        ) : chain.isError ? (
          <LoadError
            key={index}
            message={resultsMessages.loadError}
            error={chain.error}
            onRetry={() => void chain.refetch()}
          />
        ) : (
          <div key={chain.data.owner.id}>
            <h3>{t.sharedChainHeading(chain.data.owner.code, chain.data.owner.title)}</h3>
            <ul className={styles.nodes}>
              {chain.data.nodes
                .filter((node) => node.owner.id === chain.data.owner.id)
                .map((node) => (
                  <li key={node.id} className={styles.node}>
                    <p className={styles.nodeTitle}>
                      {capitalised(resultsMessages.levelOne[node.level])}: {node.title}
                    </p>
                    <p className={styles.muted}>
                      {t.contributors}:{' '}
                      {node.contributors?.length
                        ? node.contributors
                            .map((c) => `${c.code}${c.id === ownerId ? ` ${t.thisInitiative}` : ''}`)
                            .join(', ')
                        : t.noContributors}
                    </p>
                  </li>
                ))}
            </ul>
          </div>
        ),
      )}
    </section>
  );
}
