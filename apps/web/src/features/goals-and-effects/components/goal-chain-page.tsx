import { getRouteApi, Link } from '@tanstack/react-router';
import factStyles from '../../../components/facts.module.css';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { messages } from '../../../lib/messages';
import {
  useGoalChain,
  useGoalTreeFigures,
  type ChainGraph,
  type ChainNode,
  type GoalFigures,
} from '../api/goal-queries';
import { goalsMessages } from '../messages';
import { chainLevels, costText, findGoal } from '../utils/goal-tree';
import { IndicatorTrends } from './indicator-trends';
import styles from './goals.module.css';

const t = goalsMessages.chain;
const route = getRouteApi('/mal/$code');

/** A goal's shared effect chain (a priority area's, built with RISE): each step with the initiatives that lead to it. */
export function GoalChainPage() {
  const { code } = route.useParams();
  const tree = useGoalTreeFigures();
  const goal = tree.data ? findGoal(tree.data, code) : undefined;
  const chain = useGoalChain(goal?.id);
  const back = (
    <p>
      <Link to="/mal">{t.back}</Link>
    </p>
  );

  if (tree.isPending)
    return (
      <Page title={t.title(code)}>
        <p role="status">{t.loading}</p>
      </Page>
    );
  if (tree.isError) {
    return (
      <Page title={t.title(code)}>
        <LoadError error={tree.error} message={t.error} onRetry={() => void tree.refetch()} />
      </Page>
    );
  }
  if (!goal) {
    return (
      <Page title={t.notFound}>
        <p>{t.notFoundBody(code)}</p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={t.title(goal.code)} wide>
      {back}
      <GoalFacts goal={goal} />
      <p className={styles.intro}>{t.intro}</p>
      {chain.isPending ? (
        <p role="status">{t.loading}</p>
      ) : chain.isError ? (
        <LoadError error={chain.error} message={t.error} onRetry={() => void chain.refetch()} />
      ) : (
        <Chain graph={chain.data} goal={goal} />
      )}
    </Page>
  );
}

function GoalFacts({ goal }: { goal: GoalFigures }) {
  return (
    <section aria-labelledby="malet">
      <h2 id="malet">{t.goalHeading}</h2>
      <dl className={factStyles.facts}>
        <div>
          <dt>{messages.vocabulary.goalLevel[goal.level]}</dt>
          <dd>
            {goal.code} {goal.title}
          </dd>
        </div>
        <div>
          <dt>{t.figures}</dt>
          <dd>
            {goal.initiatives > 0 ? (
              <Link to="/insatser" search={{ goalId: goal.id }}>
                {goalsMessages.initiatives(goal.initiatives)}
              </Link>
            ) : (
              goalsMessages.noInitiatives
            )}
            {goal.initiatives > 0 ? `, ${costText(goal)}` : null}
          </dd>
        </div>
      </dl>
      {goal.indicators.length > 0 ? (
        <>
          <h3>{goalsMessages.indicatorsHeading}</h3>
          <IndicatorTrends indicators={goal.indicators} label={`${goalsMessages.indicatorsHeading} ${goal.code}`} />
        </>
      ) : null}
    </section>
  );
}

function Chain({ graph, goal }: { graph: ChainGraph; goal: GoalFigures }) {
  const levels = chainLevels(graph, goal.id);
  if (levels.length === 0) return <p>{t.empty}</p>;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  return (
    <>
      {levels.map(({ level, nodes }) => (
        <section key={level} aria-labelledby={`niva-${level}`} className={styles.chainLevel}>
          <h2 id={`niva-${level}`}>{t.levels[level]}</h2>
          <ul className={styles.steps}>
            {nodes.map((node) => (
              <li key={node.id}>
                <Step
                  node={node}
                  targets={graph.links
                    .filter((link) => link.fromNodeId === node.id)
                    .flatMap((link) => byId.get(link.toNodeId) ?? [])}
                  goalId={goal.id}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Step({ node, targets, goalId }: { node: ChainNode; targets: ChainNode[]; goalId: string }) {
  const headingId = `steg-${node.id}`;
  const contributors = node.contributors ?? [];
  return (
    <article aria-labelledby={headingId} className={styles.step}>
      <h3 id={headingId} className={styles.stepHeading}>
        {node.title}
      </h3>
      {node.description ? <p>{node.description}</p> : null}
      <dl className={factStyles.facts}>
        <div>
          <dt>{t.contributors}</dt>
          <dd>
            {contributors.length === 0 ? (
              t.noContributors
            ) : (
              <ul className={styles.inline}>
                {contributors.map((initiative) => (
                  <li key={initiative.id}>
                    <Link to="/insatser/$code" params={{ code: initiative.code }}>
                      {initiative.code} {initiative.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {node.indicators.length > 0 ? (
          <div>
            <dt>{t.measuredBy}</dt>
            <dd>
              <ul className={styles.inline}>
                {node.indicators.map((indicator) => (
                  <li key={indicator.id}>
                    <Link to="/indikatorer/$id" params={{ id: indicator.id }}>
                      {indicator.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {targets.length > 0 ? (
          <div>
            <dt>{t.leadsTo}</dt>
            <dd>
              <ul className={styles.inline}>
                {targets.map((target) => (
                  <li key={target.id}>
                    {target.title}
                    {target.owner.id !== goalId ? ` (${t.otherChain(target.owner.code)})` : null}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
