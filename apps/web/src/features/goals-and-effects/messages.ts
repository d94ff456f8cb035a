import { messages } from '../../lib/messages';

/** Mål och effekter (/mal): the goal tree with each goal's initiatives, cost and indicators; a goal's shared effect chain. */
export const goalsMessages = {
  intro:
    'Målträdet från Agenda 2030 via kommunens mål och nämndernas mål ner till färdplanens prioriterade områden och delmål. Vid varje mål står hur många insatser som arbetar mot det eller mot ett mål under det, vad de kostar per år och hur målets nyckeltal utvecklas.',
  loading: 'Hämtar målträdet …',
  error: 'Målträdet kunde inte hämtas.',
  scope: {
    label: 'Insatser som räknas',
    all: 'Alla insatser, som i Portföljen i korthet',
    open: 'Bara föreslagna, beslutade och pågående',
  },
  treeHeading: 'Målträdet',
  empty: 'Det finns inga mål ännu.',
  expandAll: 'Visa alla mål',
  collapseAll: 'Visa bara översta nivån',
  /** Said beside a disclosure button's goal, for screen readers, since the button's name is the goal. */
  subGoals: (count: number) => (count === 1 ? '1 mål under' : `${count} mål under`),
  initiatives: (count: number) => (count === 1 ? '1 insats' : `${count} insatser`),
  noInitiatives: 'Inga insatser',
  initiativesLinkHint: (code: string) => `visa insatserna under ${code} i listan`,
  annualCost: (money: string) => `${money} per år`,
  withoutAnnualCost: (count: number) =>
    count === 1 ? '1 insats saknar årskostnad' : `${count} insatser saknar årskostnad`,
  direct: (count: number) =>
    count === 1 ? 'varav 1 kopplad direkt till målet' : `varav ${count} kopplade direkt till målet`,
  indicatorsHeading: 'Nyckeltal',
  trend: {
    improving: 'går åt rätt håll',
    worsening: 'går åt fel håll',
    unchanged: 'oförändrat',
  },
  noTrend: 'för få mätningar för att visa en trend',
  noMeasurement: 'inga mätningar ännu',
  fromTo: (previous: string, previousPeriod: string, latest: string, latestPeriod: string) =>
    `från ${previous} (${previousPeriod}) till ${latest} (${latestPeriod})`,
  only: (latest: string, period: string) => `${latest} (${period})`,
  openChain: (code: string) => `Gemensam effektkedja för ${code}`,

  toKeyFigures: 'Alla nyckeltal med senaste värde, Sveriges värde och framsteg mot målen',

  keyFigures: {
    title: 'Nyckeltal',
    intro:
      'Varje nyckeltal för hela befolkningen: det senaste värdet bredvid Sveriges, baslinjen och hur långt det senaste värdet har kommit från baslinjen mot varje mål. Uppdelningar på kön, ålder, födelseland och stadsdel finns under nyckeltalet.',
    loading: 'Hämtar nyckeltalen …',
    error: 'Nyckeltalen kunde inte hämtas.',
    empty: 'Det finns inga nyckeltal ännu.',
    caption: 'Nyckeltal för hela befolkningen',
    indicator: 'Nyckeltal',
    latest: 'Senaste värde',
    sweden: 'Sverige',
    baseline: 'Baslinje',
    targets: 'Mål och framsteg',
    none: 'saknas',
    suppressed: 'färre än 5 personer',
    valueIn: (value: string, period: string) => `${value} (${period})`,
    target: (value: string, period: string) => `${value} till ${period}`,
    progress: (percent: string) => `${percent} av vägen från baslinjen`,
    achieved: 'målet är nått',
    noProgress: 'framsteg kan inte räknas',
    shown: (shown: number, total: number) => `Visar ${shown} av ${total} nyckeltal.`,
    back: 'Till Mål och effekter',
  },

  chain: {
    title: (code: string) => `Effektkedja för ${code}`,
    back: 'Tillbaka till Mål och effekter',
    loading: 'Hämtar effektkedjan …',
    error: 'Effektkedjan kunde inte hämtas.',
    notFound: 'Målet finns inte',
    notFoundBody: (code: string) => `Det finns inget mål med koden ${code}.`,
    intro:
      'Den gemensamma effektkedjan beskriver vilka förändringar området ska leda till. Vid varje steg står de insatser vars egen effektlogik leder dit, direkt eller via andra steg.',
    goalHeading: 'Målet',
    level: 'Nivå',
    figures: 'Insatser och kostnad',
    empty: 'Målet har ingen gemensam effektkedja ännu.',
    leadsTo: 'Leder till',
    otherChain: (code: string) => `i ${code}s kedja`,
    measuredBy: 'Mäts med',
    contributors: 'Insatser som bidrar',
    noContributors: 'Ingen insats leder hit ännu.',
    levels: messages.vocabulary.effectLevels,
  },
} as const;
