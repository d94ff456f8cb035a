import type { PortfolioDecision } from '#common';
import type { CoverageDecision, FundingSourceType, FundingStatus, ReportingDeadline } from '#funding';
import type { GoalLevel } from '#goals';
import type {
  EvidenceBase,
  FollowUpPlan,
  InitiativeKind,
  InitiativeStatus,
  ParticipantRole,
  ProcessOwner,
} from '#portfolio';
import type { DepartmentKind } from '#reference-data';
import type { RagStatus, StatusReportStatus } from '#follow-up';
import type { Breakdown, EffectLevel, IndicatorDirection, IndicatorUnit, ValueKind } from '#results';

/*
 * Trollhättans Stad as the source audits describe it (shared/seeds/: EY 2024 on youth social exclusion, the
 * sustainability department's answer on integration, University West's mapping). Names, goals, partners and the
 * ended field-worker grant come from them; amounts, dates and decision references they do not give are
 * illustrative. Process owners are role mailboxes, never people, and nothing here describes a resident.
 */

/** `headEmail` is the head's functional mailbox (a role, never a person's own address). */
export type DemoDepartment = {
  code: string;
  name: string;
  kind: DepartmentKind;
  parentCode?: string;
  headEmail?: string;
};

export type DemoGoal = {
  code: string;
  title: string;
  description?: string;
  level: GoalLevel;
  framework: string;
  parentCode?: string;
  validFrom?: string;
  validTo?: string;
};

export type DemoCode = { code: string; name: string };

export type DemoFundingLine = {
  sourceType: FundingSourceType;
  funder: string;
  decisionReference?: string;
  amountSek: number;
  periodStart: string;
  periodEnd: string;
  status: FundingStatus;
  renewable?: boolean;
  paidInArrears?: boolean;
  budgetProjectCode?: string;
  reportingDeadlines?: ReportingDeadline[];
  coverageDecision?: CoverageDecision;
  coverageNote?: string;
  coverageDecidedBy?: string;
  coverageDecidedOn?: string;
  /** The line that takes over when this one ends; it is also listed among the initiative's lines. */
  successor?: DemoFundingLine;
};

export type DemoParticipant = { departmentCode: string; role: ParticipantRole; responsibility: string };

/** A follow-up plan naming its indicators by code; the seed resolves them to ids once the indicators are in. */
export type DemoFollowUpPlan = Omit<FollowUpPlan, 'indicatorIds'> & { indicatorCodes: string[] };

export type DemoInitiative = {
  code: string;
  title: string;
  summary: string;
  kind: InitiativeKind;
  status: InitiativeStatus;
  leadDepartmentCode: string;
  participants: DemoParticipant[];
  processOwner: ProcessOwner;
  goalCodes: string[];
  targetGroupCodes: string[];
  districtCodes: string[];
  startDate: string | null;
  endDate: string | null;
  annualCostSek: number;
  evidenceBase: EvidenceBase;
  budgetProjectCode: string | null;
  followUpPlan: DemoFollowUpPlan | null;
  funding: DemoFundingLine[];
};

// Parents come before their units: the seed resolves a parent by code as it goes.
export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    code: 'KSF',
    name: 'Kommunstyrelsens förvaltning',
    kind: 'administration',
    headEmail: 'forvaltningschef.ksf@trollhattan.se',
  },
  { code: 'KSF-HALLBARHET', name: 'Hållbarhetsavdelningen', kind: 'administration', parentCode: 'KSF' },
  { code: 'KSF-TRYGGHET', name: 'Avdelningen Trygghet och säkerhet', kind: 'administration', parentCode: 'KSF' },
  { code: 'KSF-TILLVAXT', name: 'Kontoret Tillväxt och utveckling', kind: 'administration', parentCode: 'KSF' },
  {
    code: 'ASF',
    name: 'Arbetsmarknads- och socialförvaltningen',
    kind: 'administration',
    headEmail: 'forvaltningschef.asf@trollhattan.se',
  },
  {
    code: 'KFF',
    name: 'Kultur- och fritidsförvaltningen',
    kind: 'administration',
    headEmail: 'forvaltningschef.kff@trollhattan.se',
  },
  {
    code: 'UTBF',
    name: 'Utbildningsförvaltningen',
    kind: 'administration',
    headEmail: 'forvaltningschef.utbf@trollhattan.se',
  },
  {
    code: 'SBF',
    name: 'Samhällsbyggnadsförvaltningen',
    kind: 'administration',
    headEmail: 'forvaltningschef.sbf@trollhattan.se',
  },
  { code: 'KS', name: 'Kommunstyrelsen', kind: 'committee' },
  { code: 'ASN', name: 'Arbetsmarknads- och socialnämnden', kind: 'committee' },
  { code: 'KFN', name: 'Kultur- och fritidsnämnden', kind: 'committee' },
  { code: 'UN', name: 'Utbildningsnämnden', kind: 'committee' },
  { code: 'EIDAR', name: 'AB Eidar Trollhättans Bostadsbolag', kind: 'company' },
  { code: 'TEAB', name: 'Trollhättan Energi AB', kind: 'company' },
  { code: 'KRAFTSTADEN', name: 'Kraftstaden Fastigheter AB', kind: 'company' },
  { code: 'POLISEN', name: 'Polismyndigheten', kind: 'external' },
  { code: 'NARF', name: 'Norra Älvsborgs Räddningstjänstförbund', kind: 'external' },
  { code: 'KFV', name: 'Kunskapsförbundet Väst', kind: 'external' },
  { code: 'AF', name: 'Arbetsförmedlingen', kind: 'external' },
  { code: 'FK', name: 'Försäkringskassan', kind: 'external' },
  { code: 'HV', name: 'Högskolan Väst', kind: 'external' },
  { code: 'RISE', name: 'RISE Research Institutes of Sweden', kind: 'external' },
  { code: 'VGR', name: 'Västra Götalandsregionen', kind: 'external' },
  // The independent schools that signed the drug-prevention agreement (EY 2024, section 3.1).
  { code: 'FOLKUNIVERSITETET-GY', name: 'Folkuniversitetets gymnasium', kind: 'external' },
  { code: 'LBS-KREATIVA-GY', name: 'Ljud- och bildskolan Kreativa gymnasium', kind: 'external' },
  { code: 'NYA-SKOLAN', name: 'Nya skolan', kind: 'external' },
  { code: 'NORDIC-INTERNATIONAL', name: 'Nordic International School', kind: 'external' },
];

const ROADMAP = 'Färdplan för social hållbarhet';
const ROADMAP_DECIDED = '2021-12-01';
const MRP = 'MRP 2024–2027';

// Parents come before their children. Committee goals sit under the MRP goal they were derived from.
export const DEMO_GOALS: DemoGoal[] = [
  {
    code: 'A2030-10',
    title: 'Minskad ojämlikhet',
    level: 'agenda2030',
    framework: 'Agenda 2030',
    description: 'Globala målet 10.',
  },
  {
    code: 'MRP-PM-JAMLIKA',
    title: 'Vi stärker invånarnas jämlika och jämställda livsvillkor för ökad tillit och trygghet',
    description: 'Ett av tre prioriterade mål under mål- och resursplanens fokusområde för 2024–2027.',
    level: 'priority_goal',
    framework: MRP,
    parentCode: 'A2030-10',
    validFrom: '2024-01-01',
    validTo: '2027-12-31',
  },
  {
    code: 'KS-DELAKTIGHET',
    title: 'Kommunstyrelsen ska skapa jämlika förutsättningar för ökad delaktighet och ökat inflytande',
    description: 'Kommunstyrelsens mål som arbetet med färdplan för social hållbarhet avrapporteras mot.',
    level: 'committee_goal',
    framework: 'Kommunstyrelsens verksamhetsplan 2024',
    parentCode: 'MRP-PM-JAMLIKA',
    validFrom: '2024-01-01',
  },
  ...(
    [
      ['FP-1', 'Samverka så att fler hittar vägen till jobb – särskilt fokus unga'],
      ['FP-2', 'Föräldraskapsstöd – föräldrar som resurs'],
      ['FP-3', 'Tidiga insatser för att förebygga alkohol, narkotika, dopning och tobak'],
      ['FP-4', 'Främja jämställdhet och förändra normer som stödjer våld'],
      ['FP-5', 'Samverkan blandstad'],
    ] as const
  ).map(([code, title]): DemoGoal => ({
    code,
    title,
    level: 'priority_area',
    framework: ROADMAP,
    parentCode: 'KS-DELAKTIGHET',
    validFrom: ROADMAP_DECIDED,
  })),
  ...committeeGoals('ASN', 'Arbetsmarknads- och socialnämndens verksamhetsplan 2024', [
    'Nämnden ska arbeta mer förebyggande och med tidigare insatser.',
    'Nämndens insatser ska leda till att fler kan leva ett tryggt, värdigt och självständigt liv, det vill säga "Rätt insats i rätt tid till rätt individ".',
    'Nämnden ska arbeta för ett Trollhättan fritt från hot och våld genom att i högre grad upptäcka våld eller risk för våld samt motverka att våld uppstår eller upprepas.',
    'Nämndens arbete ska leda till att fler kommuninvånare når självförsörjning samt bidra till näringslivets och stadens kompetensförsörjning.',
  ]),
  ...committeeGoals('KFN', 'Kultur- och fritidsnämndens verksamhetsplan 2024', [
    'Mer jämlika och jämställda livs- och uppväxtvillkor som präglas av tillit och trygghet.',
    'Öka tillgängligheten till attraktiva, positiva och trygga mötesplatser och miljöer, som främjar tolerans och allas lika värde.',
    'Medverka till det demokratiska samhällets utveckling för ökad tillit och samhällsgemenskap.',
  ]),
  ...committeeGoals('UN', 'Utbildningsnämndens verksamhetsplan 2024', [
    'Ökad likvärdighet avseende barns och elevers utveckling och lärande.',
    'Ökad andel elever med fullföljda studier.',
  ]),
];

/** The goals a committee decided in its 2024 operational plan (EY 2024, section 2.3), coded ASN-M1, ASN-M2 … */
function committeeGoals(committee: string, framework: string, titles: string[]): DemoGoal[] {
  return titles.map((title, i) => ({
    code: `${committee}-M${i + 1}`,
    title,
    level: 'committee_goal',
    framework,
    parentCode: 'MRP-PM-JAMLIKA',
    validFrom: '2024-01-01',
  }));
}

export const DEMO_DISTRICTS: DemoCode[] = [
  { code: 'KRONOGARDEN', name: 'Kronogården' },
  { code: 'LEXTORP', name: 'Lextorp' },
  { code: 'SYLTE', name: 'Sylte' },
  { code: 'HJULKVARNELUND', name: 'Hjulkvarnelund' },
  { code: 'STROMSLUND', name: 'Strömslund' },
  { code: 'HALVORSTORP', name: 'Halvorstorp' },
  { code: 'BJORNDALEN', name: 'Björndalen' },
  { code: 'CENTRUM', name: 'Centrum' },
];

export const DEMO_TARGET_GROUPS: DemoCode[] = [
  { code: 'UNGA-12-17', name: 'Unga 12–17 år' },
  { code: 'UNGA-16-24', name: 'Unga 16–24 år som varken arbetar eller studerar' },
  { code: 'UNGA-RISK-12-18', name: 'Unga 12–18 år i riskzon att begå brott' },
  { code: 'ELEVER-GR-GY', name: 'Elever i grund- och gymnasieskolan' },
  { code: 'FORALDRAR-FORSKOLA', name: 'Föräldrar till barn i förskolan' },
  { code: 'BARN-FAMILJER', name: 'Barn och familjer' },
  { code: 'VUXNA-FORSORJNINGSSTOD', name: 'Vuxna som söker försörjningsstöd' },
  { code: 'UTRIKESFODDA-KVINNOR', name: 'Utrikesfödda kvinnor utanför arbetsmarknaden' },
];

const LANSSTYRELSEN = 'Länsstyrelsen Västra Götaland';
const BRA = 'Brottsförebyggande rådet (Brå)';
const ASN_BUDGET = 'Arbetsmarknads- och socialnämnden';
const KFN_BUDGET = 'Kultur- och fritidsnämnden';

const sspfOrdinaryBudget: DemoFundingLine = {
  sourceType: 'ordinary_budget',
  funder: ASN_BUDGET,
  amountSek: 2_250_000,
  periodStart: '2025-07-01',
  periodEnd: '2027-12-31',
  status: 'granted',
  budgetProjectCode: 'P4711',
};

const mbuKfnBudget: DemoFundingLine = {
  sourceType: 'ordinary_budget',
  funder: KFN_BUDGET,
  amountSek: 1_600_000,
  periodStart: '2024-01-01',
  periodEnd: '2027-12-31',
  status: 'granted',
  budgetProjectCode: 'P4720',
};

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    code: 'SSPF',
    title: 'SSPF – skola, socialtjänst, polis och fritid',
    summary:
      'Nationellt utvecklad samverkansmetod för att tidigt identifiera unga i riskzon att begå brott och ge dem snabbt och samordnat stöd. Skola, socialtjänst, polis och fritid delar lägesbild och fördelar insatser kring varje ung person.',
    kind: 'method',
    status: 'active',
    leadDepartmentCode: 'ASF',
    participants: [
      {
        departmentCode: 'UTBF',
        role: 'co_owner',
        responsibility: 'Skolans representanter i lokala SSPF-grupper; signalerar oro för frånvaro och måluppfyllelse.',
      },
      {
        departmentCode: 'KFF',
        role: 'co_owner',
        responsibility: 'Fritidsgårdarnas personal deltar i SSPF-grupperna och erbjuder meningsfull fritid.',
      },
      {
        departmentCode: 'POLISEN',
        role: 'partner',
        responsibility: 'Kommunpolis deltar i SSPF-grupperna och bidrar med lägesbild över brott bland unga.',
      },
      {
        departmentCode: 'KSF-TRYGGHET',
        role: 'informed',
        responsibility: 'Tar in SSPF:s lägesbild i stadens samlade trygghetsarbete.',
      },
    ],
    processOwner: {
      name: 'Samordnare SSPF',
      title: 'Samordnare, Arbetsmarknads- och socialförvaltningen',
      email: 'samordnare.sspf@trollhattan.se',
    },
    // FP-3: early detection of young people at risk is the roadmap's early-intervention area; it also lets SSPF's
    // effect logic link into that priority area's chain.
    goalCodes: ['ASN-M1', 'ASN-M3', 'KFN-M1', 'FP-3'],
    targetGroupCodes: ['UNGA-RISK-12-18', 'UNGA-12-17'],
    districtCodes: ['KRONOGARDEN', 'LEXTORP', 'SYLTE', 'HJULKVARNELUND'],
    startDate: '2024-01-15',
    endDate: null,
    annualCostSek: 1_800_000,
    evidenceBase: 'national_method',
    budgetProjectCode: 'P4711',
    followUpPlan: {
      method:
        'Antal unga som aktualiserats och fått samordnat stöd, återaktualiseringar efter sex månader samt parternas skattning av samverkan.',
      frequency: 'biannual',
      responsible: 'Samordnare SSPF',
      firstReportDue: '2024-08-31',
      indicatorCodes: [],
    },
    funding: [
      {
        sourceType: 'state_grant',
        funder: LANSSTYRELSEN,
        decisionReference: '851-04112-2023',
        amountSek: 1_200_000,
        periodStart: '2024-01-01',
        periodEnd: '2025-06-30',
        status: 'ended',
        reportingDeadlines: [{ date: '2025-09-30', kind: 'final', description: 'Slutredovisning till Länsstyrelsen' }],
        coverageDecision: 'ordinary_budget',
        coverageNote: 'Samordnartjänsten tas in i förvaltningens ram från 1 juli 2025.',
        coverageDecidedBy: 'Arbetsmarknads- och socialnämnden',
        coverageDecidedOn: '2025-04-23',
        successor: sspfOrdinaryBudget,
      },
      sspfOrdinaryBudget,
      {
        sourceType: 'temporary_appropriation',
        funder: 'Kommunfullmäktige',
        decisionReference: 'KS 2025/00318',
        amountSek: 600_000,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        status: 'granted',
        coverageNote: 'Tilläggsanslag för fler SSPF-grupper under 2026; ingen finansiering beslutad för 2027.',
      },
    ],
  },
  {
    code: 'MBU',
    title: 'MBU – Människan bakom uniformen',
    summary:
      'Positiva möten mellan ungdomar och yrkesverksamma i uniformsbärande yrken, för att bygga tillit till blåljuspersonal och förebygga brott. Metoden kommer från Göteborgs stad och bedrivs sedan hösten 2022 tillsammans med polis och räddningstjänst.',
    kind: 'method',
    status: 'active',
    leadDepartmentCode: 'KFF',
    participants: [
      {
        departmentCode: 'ASF',
        role: 'co_owner',
        responsibility: 'Fältpersonal rekryterar ungdomar och följer upp deltagarna.',
      },
      {
        departmentCode: 'POLISEN',
        role: 'partner',
        responsibility: 'Poliser deltar som förebilder vid träffarna enligt överenskommelse.',
      },
      {
        departmentCode: 'NARF',
        role: 'partner',
        responsibility: 'Brandmän deltar som förebilder och tar emot grupper på stationen.',
      },
    ],
    processOwner: {
      name: 'Samordnare MBU',
      title: 'Samordnare, Kultur- och fritidsförvaltningen',
      email: 'samordnare.mbu@trollhattan.se',
    },
    goalCodes: ['ASN-M3', 'KFN-M3'],
    targetGroupCodes: ['UNGA-12-17'],
    districtCodes: ['KRONOGARDEN', 'LEXTORP'],
    startDate: '2022-09-01',
    endDate: null,
    annualCostSek: 650_000,
    evidenceBase: 'national_method',
    budgetProjectCode: 'P4720',
    followUpPlan: {
      method:
        'Deltagarenkät före och efter om tillit till polis och räddningstjänst; antal genomförda träffar och deltagare per kön.',
      frequency: 'annual',
      responsible: 'Samordnare MBU',
      firstReportDue: '2023-06-30',
      indicatorCodes: [],
    },
    funding: [
      {
        sourceType: 'state_grant',
        funder: BRA,
        decisionReference: 'Brå 2022-0187',
        amountSek: 500_000,
        periodStart: '2022-09-01',
        periodEnd: '2023-12-31',
        status: 'ended',
        reportingDeadlines: [{ date: '2024-02-29', kind: 'final', description: 'Slutrapport till Brå' }],
        coverageDecision: 'ordinary_budget',
        coverageNote: 'Kultur- och fritidsnämnden tar MBU i sin ram från 2024.',
        coverageDecidedBy: 'Kultur- och fritidsnämnden',
        coverageDecidedOn: '2023-10-18',
        successor: mbuKfnBudget,
      },
      mbuKfnBudget,
      {
        sourceType: 'ordinary_budget',
        funder: ASN_BUDGET,
        amountSek: 1_000_000,
        periodStart: '2024-01-01',
        periodEnd: '2027-12-31',
        status: 'granted',
      },
    ],
  },
  {
    code: 'FRAMTIDSCENTRUM',
    title: 'Framtidscentrum – vägen till studier och jobb för unga',
    summary:
      'Samlad verksamhet för unga som varken arbetar eller studerar: studie- och yrkesvägledning, körkortsteori, praktik, arbetsträning, hälso- och kulturaktiviteter och socialt stöd. Skola, socialtjänst, vård, Arbetsförmedlingen och Försäkringskassan arbetar tillsammans.',
    kind: 'ordinary_operation',
    status: 'active',
    leadDepartmentCode: 'ASF',
    participants: [
      {
        departmentCode: 'UTBF',
        role: 'co_owner',
        responsibility: 'Studie- och yrkesvägledning och återgång till studier.',
      },
      {
        departmentCode: 'KFV',
        role: 'partner',
        responsibility: 'Gymnasie- och vuxenutbildning; det kommunala aktivitetsansvaret för de yngsta.',
      },
      {
        departmentCode: 'AF',
        role: 'partner',
        responsibility: 'Arbetsförmedlare på plats; praktik och arbetsmarknadsinsatser.',
      },
      {
        departmentCode: 'FK',
        role: 'partner',
        responsibility: 'Handläggare för unga med aktivitetsersättning och sjukpenning.',
      },
      { departmentCode: 'VGR', role: 'partner', responsibility: 'Vårdens kontaktperson för unga med psykisk ohälsa.' },
      { departmentCode: 'KFF', role: 'partner', responsibility: 'Kultur- och hälsoaktiviteter för deltagarna.' },
      {
        departmentCode: 'HV',
        role: 'informed',
        responsibility: 'Följer upp utvalda insatser genom intervjuer med deltagare.',
      },
    ],
    processOwner: {
      name: 'Enhetschef Framtidscentrum',
      title: 'Enhetschef, Arbetsmarknads- och socialförvaltningen',
      email: 'enhetschef.framtidscentrum@trollhattan.se',
    },
    goalCodes: ['FP-1', 'ASN-M4', 'UN-M2'],
    targetGroupCodes: ['UNGA-16-24'],
    districtCodes: ['CENTRUM'],
    startDate: '2021-02-01',
    endDate: null,
    annualCostSek: 9_500_000,
    evidenceBase: 'local_development',
    budgetProjectCode: 'P5120',
    followUpPlan: {
      method:
        'Andel deltagare i arbete eller studier sex månader efter avslut, antal unga inom det kommunala aktivitetsansvaret, uppdelat på kön och ålder.',
      frequency: 'quarterly',
      responsible: 'Enhetschef Framtidscentrum',
      firstReportDue: '2024-03-31',
      indicatorCodes: ['UNGA-UVAS', 'FORVARV-20-64'],
    },
    funding: [
      {
        sourceType: 'ordinary_budget',
        funder: ASN_BUDGET,
        amountSek: 24_000_000,
        periodStart: '2024-01-01',
        periodEnd: '2027-12-31',
        status: 'granted',
        budgetProjectCode: 'P5120',
      },
      {
        sourceType: 'eu_fund',
        funder: 'Svenska ESF-rådet (ESF+)',
        decisionReference: 'ESF 2024/00731',
        amountSek: 7_500_000,
        periodStart: '2024-09-01',
        periodEnd: '2027-08-31',
        status: 'granted',
        paidInArrears: true,
        budgetProjectCode: 'P5121',
        reportingDeadlines: [
          { date: '2026-12-15', kind: 'claim', description: 'Ansökan om utbetalning, period 5' },
          { date: '2027-03-31', kind: 'interim', description: 'Lägesrapport till ESF-rådet' },
          { date: '2027-10-31', kind: 'final', description: 'Slutrapport och slutlig ansökan om utbetalning' },
        ],
      },
      {
        sourceType: 'state_grant',
        funder: 'Myndigheten för ungdoms- och civilsamhällesfrågor (MUCF)',
        decisionReference: 'MUCF 2026/00412',
        amountSek: 800_000,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        status: 'applied',
      },
    ],
  },
  {
    code: 'FORALDRASKAPSSTOD',
    title: 'Brottsförebyggande föräldraskapsstöd för föräldrar i förskolan',
    summary:
      'Samverkansavtal mellan socialtjänst, utbildning och polis om föräldraskapsstöd ur ett samhällsorienterat och tillitsbyggande perspektiv, riktat till föräldrar med barn i förskolan.',
    kind: 'agreement',
    status: 'active',
    leadDepartmentCode: 'ASF',
    participants: [
      {
        departmentCode: 'UTBF',
        role: 'co_owner',
        responsibility:
          'Förskolorna bjuder in föräldrar och upplåter lokaler; mobila öppna förskolan når familjer i bostadsområdena.',
      },
      {
        departmentCode: 'POLISEN',
        role: 'partner',
        responsibility: 'Kommunpolis medverkar vid träffarna om samhällets regler och föräldrars roll.',
      },
    ],
    processOwner: {
      name: 'Samordnare föräldraskapsstöd',
      title: 'Samordnare, Arbetsmarknads- och socialförvaltningen',
      email: 'samordnare.foraldraskapsstod@trollhattan.se',
    },
    goalCodes: ['FP-2', 'ASN-M1', 'UN-M1'],
    targetGroupCodes: ['FORALDRAR-FORSKOLA'],
    districtCodes: ['KRONOGARDEN', 'LEXTORP', 'SYLTE', 'HALVORSTORP'],
    startDate: '2024-08-15',
    endDate: null,
    annualCostSek: 700_000,
    evidenceBase: 'research_based',
    budgetProjectCode: 'P4730',
    followUpPlan: {
      method:
        'Antal föräldrar som fullföljt programmet per förskola och kön; föräldrarnas skattning av trygghet i föräldrarollen före och efter.',
      frequency: 'biannual',
      responsible: 'Samordnare föräldraskapsstöd',
      firstReportDue: '2025-02-28',
      indicatorCodes: [],
    },
    funding: [
      {
        sourceType: 'state_grant',
        funder: BRA,
        decisionReference: 'Brå 2024-0452',
        amountSek: 900_000,
        periodStart: '2025-01-01',
        periodEnd: '2026-12-31',
        status: 'granted',
        renewable: true,
        reportingDeadlines: [{ date: '2027-02-28', kind: 'final', description: 'Slutredovisning till Brå' }],
      },
      {
        sourceType: 'ordinary_budget',
        funder: ASN_BUDGET,
        amountSek: 800_000,
        periodStart: '2024-08-01',
        periodEnd: '2027-12-31',
        status: 'granted',
      },
    ],
  },
  {
    code: 'DROGFOREBYGGANDE',
    title: 'Avtal om drogförebyggande arbete i skolor och på fritidsgårdar',
    summary:
      'Avtal mellan de tre förvaltningarna, Kunskapsförbundet Väst och fyra fristående gymnasieskolor om modern information om droger, särskilt cannabis, till elever, personal, föräldrar och besökare på fritidsgårdar. Arbetsmarknads- och socialförvaltningen anställer och arbetsleder en drogförebyggare/koordinator på 75 procent.',
    kind: 'agreement',
    status: 'active',
    leadDepartmentCode: 'ASF',
    participants: [
      {
        departmentCode: 'UTBF',
        role: 'co_owner',
        responsibility: 'Grundskolorna tar emot utbildningsinsatser för elever och personal.',
      },
      {
        departmentCode: 'KFF',
        role: 'co_owner',
        responsibility: 'Fritidsgårdarna tar emot informationsinsatser för besökare.',
      },
      {
        departmentCode: 'KFV',
        role: 'funder',
        responsibility: 'Gymnasieskolorna tar emot insatserna och bidrar till koordinatorns kostnad.',
      },
      {
        departmentCode: 'FOLKUNIVERSITETET-GY',
        role: 'partner',
        responsibility: 'Tar emot utbildningsinsatser för elever, personal och föräldrar.',
      },
      {
        departmentCode: 'LBS-KREATIVA-GY',
        role: 'partner',
        responsibility: 'Tar emot utbildningsinsatser för elever, personal och föräldrar.',
      },
      {
        departmentCode: 'NYA-SKOLAN',
        role: 'partner',
        responsibility: 'Tar emot utbildningsinsatser för elever, personal och föräldrar.',
      },
      {
        departmentCode: 'NORDIC-INTERNATIONAL',
        role: 'partner',
        responsibility: 'Tar emot utbildningsinsatser för elever, personal och föräldrar.',
      },
    ],
    processOwner: {
      name: 'Drogförebyggande koordinator',
      title: 'Koordinator, Arbetsmarknads- och socialförvaltningen',
      email: 'koordinator.drogforebyggande@trollhattan.se',
    },
    goalCodes: ['FP-3', 'ASN-M1'],
    targetGroupCodes: ['ELEVER-GR-GY', 'UNGA-12-17'],
    districtCodes: ['CENTRUM', 'KRONOGARDEN', 'STROMSLUND', 'BJORNDALEN'],
    startDate: '2023-08-01',
    endDate: '2027-07-31',
    annualCostSek: 720_000,
    evidenceBase: 'research_based',
    budgetProjectCode: 'P4740',
    followUpPlan: {
      method:
        'Antal utbildningstillfällen och nådda elever, personal och föräldrar per part; elevenkätens frågor om cannabis i årskurs 9 och gymnasiets år 2.',
      frequency: 'annual',
      responsible: 'Drogförebyggande koordinator',
      firstReportDue: '2024-06-30',
      indicatorCodes: [],
    },
    funding: [
      {
        sourceType: 'ordinary_budget',
        funder: ASN_BUDGET,
        amountSek: 1_200_000,
        periodStart: '2023-08-01',
        periodEnd: '2027-07-31',
        status: 'granted',
      },
      {
        sourceType: 'partner_contribution',
        funder: 'Kunskapsförbundet Väst',
        decisionReference: 'Samverkansavtal drogförebyggande 2023',
        amountSek: 600_000,
        periodStart: '2023-08-01',
        periodEnd: '2027-07-31',
        status: 'granted',
      },
      {
        sourceType: 'state_grant',
        funder: LANSSTYRELSEN,
        decisionReference: '851-21877-2025',
        amountSek: 450_000,
        periodStart: '2025-07-01',
        periodEnd: '2027-06-30',
        status: 'granted',
        reportingDeadlines: [
          { date: '2026-08-31', kind: 'interim', description: 'Delredovisning ANDT-medel' },
          { date: '2027-09-30', kind: 'final', description: 'Slutredovisning ANDT-medel' },
        ],
      },
    ],
  },
  {
    code: 'KRONAN',
    title: 'Samverkan på Kronan Kulturhus',
    summary:
      'Kultur- och fritids-, utbildnings- samt arbetsmarknads- och socialförvaltningen har medarbetare på plats i Kronan Kulturhus för att öka känslan av gemenskap och samhörighet. Servicedeklarationer finns per förvaltning, men ingen överenskommelse om ansvar, budget och uppföljning mellan nämnderna.',
    kind: 'agreement',
    status: 'proposed',
    leadDepartmentCode: 'KFF',
    participants: [
      {
        departmentCode: 'ASF',
        role: 'co_owner',
        responsibility: 'Medborgarservice och socialt stöd på plats enligt servicedeklaration.',
      },
      {
        departmentCode: 'UTBF',
        role: 'co_owner',
        responsibility: 'Grundskolan i huset och samverkan med biblioteket enligt servicedeklaration.',
      },
    ],
    processOwner: {
      name: 'Verksamhetschef Kronan Kulturhus',
      title: 'Verksamhetschef, Kultur- och fritidsförvaltningen',
      email: 'verksamhetschef.kronan@trollhattan.se',
    },
    goalCodes: ['FP-5', 'KFN-M2', 'KFN-M3'],
    targetGroupCodes: ['UNGA-12-17', 'BARN-FAMILJER'],
    districtCodes: ['KRONOGARDEN'],
    startDate: null,
    endDate: null,
    annualCostSek: 1_100_000,
    evidenceBase: 'local_development',
    budgetProjectCode: null,
    // As the audit found: the cooperation runs, but nobody has planned how it is to be followed up.
    followUpPlan: null,
    funding: [
      {
        sourceType: 'ordinary_budget',
        funder: KFN_BUDGET,
        amountSek: 3_300_000,
        periodStart: '2025-01-01',
        periodEnd: '2027-12-31',
        status: 'granted',
      },
    ],
  },
  {
    code: 'ALLA-BEHOVS-I-JOBB',
    title: 'Alla behövs i jobb',
    summary:
      'Den som söker försörjningsstöd hänvisas inom 48 timmar till ett jobbcentrum, där socialsekreterare, arbetsförmedlare, studievägledare, jobbcoacher och rekryterare gör en handlingsplan tillsammans. Leds av Arbetsmarknadsstöd med Socialt stöd och försörjning och Arbetsförmedlingen sedan årsskiftet 2018/2019.',
    kind: 'ordinary_operation',
    status: 'active',
    leadDepartmentCode: 'ASF',
    participants: [
      { departmentCode: 'AF', role: 'partner', responsibility: 'Arbetsförmedlare i jobbcentrumets kompetensteam.' },
      {
        departmentCode: 'KFV',
        role: 'partner',
        responsibility: 'Studievägledning och vuxenutbildning för deltagare som behöver utbildning.',
      },
    ],
    processOwner: {
      name: 'Enhetschef Arbetsmarknadsstöd',
      title: 'Enhetschef, Arbetsmarknads- och socialförvaltningen',
      email: 'enhetschef.arbetsmarknadsstod@trollhattan.se',
    },
    goalCodes: ['FP-1', 'ASN-M2', 'ASN-M4'],
    targetGroupCodes: ['VUXNA-FORSORJNINGSSTOD', 'UTRIKESFODDA-KVINNOR'],
    districtCodes: ['CENTRUM'],
    startDate: '2019-01-01',
    endDate: null,
    annualCostSek: 5_200_000,
    evidenceBase: 'local_development',
    budgetProjectCode: 'P5130',
    followUpPlan: {
      method:
        'Tid från ansökan om försörjningsstöd till handlingsplan; andel som når egenförsörjning inom tolv månader, uppdelat på kön och född i Sverige/utomlands.',
      frequency: 'quarterly',
      responsible: 'Enhetschef Arbetsmarknadsstöd',
      firstReportDue: '2019-04-30',
      indicatorCodes: ['FORVARV-20-64'],
    },
    funding: [
      {
        sourceType: 'ordinary_budget',
        funder: ASN_BUDGET,
        amountSek: 18_000_000,
        periodStart: '2024-01-01',
        periodEnd: '2027-12-31',
        status: 'granted',
        budgetProjectCode: 'P5130',
      },
      {
        sourceType: 'partner_contribution',
        funder: 'Arbetsförmedlingen',
        decisionReference: 'Överenskommelse Alla behövs i jobb 2024–2027',
        amountSek: 2_400_000,
        periodStart: '2024-01-01',
        periodEnd: '2027-12-31',
        status: 'granted',
        renewable: true,
        coverageNote: 'Arbetsförmedlarnas tid på jobbcentrumet, värderad i kronor.',
      },
    ],
  },
  {
    code: 'FALTARBETARE',
    title: 'Fältarbetare och profilsocialsekreterare mot ungas kriminalitet',
    summary:
      'Projekt för att stoppa unga från att hamna i kriminalitet: fältarbetare med fokus på en yngre målgrupp och särskilda profilsocialsekreterare. Arbetet beskrivs som lyckat och uppskattat, men statsbidraget är slut och det finns ingen täckning för arbetet inför 2025.',
    kind: 'project',
    status: 'active',
    leadDepartmentCode: 'ASF',
    participants: [
      {
        departmentCode: 'KFF',
        role: 'partner',
        responsibility: 'Fritidsgårdarna är bas för fältarbetarna på kvällstid.',
      },
      {
        departmentCode: 'POLISEN',
        role: 'partner',
        responsibility: 'Gemensam lägesbild över platser och tider där unga riskerar att dras in i brott.',
      },
      {
        departmentCode: 'UTBF',
        role: 'informed',
        responsibility: 'Skolorna informeras om fältarbetarnas närvaro och kontaktvägar.',
      },
    ],
    processOwner: {
      name: 'Enhetschef Fältverksamheten',
      title: 'Enhetschef, Arbetsmarknads- och socialförvaltningen',
      email: 'enhetschef.faltverksamheten@trollhattan.se',
    },
    goalCodes: ['ASN-M1', 'ASN-M3', 'FP-3'],
    targetGroupCodes: ['UNGA-RISK-12-18', 'UNGA-12-17'],
    districtCodes: ['KRONOGARDEN', 'LEXTORP', 'SYLTE', 'HJULKVARNELUND', 'HALVORSTORP'],
    startDate: '2022-03-01',
    endDate: null,
    annualCostSek: 3_400_000,
    evidenceBase: 'local_development',
    budgetProjectCode: 'P4790',
    followUpPlan: {
      method:
        'Antal kontakter och orosanmälningar från fältet, antal unga med profilsocialsekreterare och andel utan ny brottsmisstanke efter tolv månader.',
      frequency: 'quarterly',
      responsible: 'Enhetschef Fältverksamheten',
      firstReportDue: '2022-06-30',
      indicatorCodes: [],
    },
    funding: [
      {
        sourceType: 'state_grant',
        funder: 'Delegationen mot segregation (Delmos)',
        decisionReference: 'Delmos 2022/00187',
        amountSek: 10_200_000,
        periodStart: '2022-01-01',
        periodEnd: '2024-12-31',
        status: 'ended',
        budgetProjectCode: 'P4790',
        reportingDeadlines: [{ date: '2025-03-31', kind: 'final', description: 'Slutredovisning av statsbidraget' }],
        coverageDecision: 'undecided',
        coverageNote:
          'Förvaltningen uppger att det inför 2025 inte finns täckning för arbetet. Delmos har avvecklats och beviljar inga nya bidrag.',
      },
    ],
  },
];

/**
 * One node of the demo effect logic. `key` names it within the demo data only (nodes have no code of their own);
 * `leadsTo` lists the keys of the later-level nodes it contributes to, in its own chain or in its goal's chain.
 */
export type DemoEffectNode = { key: string; level: EffectLevel; title: string; leadsTo?: string[] };

/**
 * A priority area's chain (the work with RISE: one chain per area of the roadmap) and the chains of initiatives
 * that contribute to it, each initiative node leading into the area's chain. Initiatives here have the area among
 * their goals.
 */
export type DemoEffectArea = {
  goalCode: string;
  nodes: DemoEffectNode[];
  initiatives: { code: string; nodes: DemoEffectNode[] }[];
};

export const DEMO_EFFECT_LOGIC: DemoEffectArea[] = [
  {
    goalCode: 'FP-1',
    nodes: [
      {
        key: 'FP1-KORT',
        level: 'short_term_outcome',
        title: 'Fler unga 16–24 år som varken arbetar eller studerar har en plan mot arbete eller studier',
        leadsTo: ['FP1-LANG'],
      },
      {
        key: 'FP1-LANG',
        level: 'long_term_outcome',
        title: 'Fler unga etablerar sig på arbetsmarknaden eller fullföljer studier',
        leadsTo: ['FP1-EFFEKT'],
      },
      {
        key: 'FP1-EFFEKT',
        level: 'impact',
        title:
          'Minskade skillnader i sysselsättning mellan kvinnor och män, inrikes och utrikes födda och stadens delar',
      },
    ],
    initiatives: [
      {
        code: 'FRAMTIDSCENTRUM',
        nodes: [
          {
            key: 'FC-AKT',
            level: 'activity',
            title: 'Studie- och yrkesvägledning, praktik och arbetsträning samlat på Framtidscentrum',
            leadsTo: ['FC-PRE'],
          },
          {
            key: 'FC-PRE',
            level: 'output',
            title: 'Unga deltagare med en individuell planering och kontakt med rätt myndighet',
            leadsTo: ['FP1-KORT'],
          },
        ],
      },
    ],
  },
  {
    goalCode: 'FP-2',
    nodes: [
      {
        key: 'FP2-KORT',
        level: 'short_term_outcome',
        title: 'Föräldrar känner sig tryggare i sin föräldraroll och vet var de kan få stöd',
        leadsTo: ['FP2-LANG'],
      },
      {
        key: 'FP2-LANG',
        level: 'long_term_outcome',
        title: 'Fler barn växer upp med ett stödjande föräldraskap och goda relationer i familjen',
        leadsTo: ['FP2-EFFEKT'],
      },
      { key: 'FP2-EFFEKT', level: 'impact', title: 'Jämlika uppväxtvillkor för barn i alla delar av staden' },
    ],
    initiatives: [
      {
        code: 'FORALDRASKAPSSTOD',
        nodes: [
          {
            key: 'FS-AKT',
            level: 'activity',
            title: 'Föräldraskapsstödsprogram i förskolans lokaler och genom mobila öppna förskolan',
            leadsTo: ['FS-PRE'],
          },
          {
            key: 'FS-PRE',
            level: 'output',
            title: 'Föräldrar som har genomfört ett föräldraskapsstödsprogram',
            leadsTo: ['FP2-KORT'],
          },
        ],
      },
    ],
  },
  {
    goalCode: 'FP-3',
    nodes: [
      {
        key: 'FP3-KORT-TIDIGT',
        level: 'short_term_outcome',
        title: 'Unga i riskzon upptäcks tidigt och får samordnat stöd',
        leadsTo: ['FP3-LANG'],
      },
      {
        key: 'FP3-KORT-KUNSKAP',
        level: 'short_term_outcome',
        title:
          'Elever, personal och föräldrar har ökad kunskap om riskerna med alkohol, narkotika, dopning, tobak och spel',
        leadsTo: ['FP3-LANG'],
      },
      {
        key: 'FP3-LANG',
        level: 'long_term_outcome',
        title: 'Färre unga använder alkohol, narkotika, dopning, tobak och spel',
        leadsTo: ['FP3-EFFEKT'],
      },
      { key: 'FP3-EFFEKT', level: 'impact', title: 'Fler unga fullföljer studier och färre dras in i kriminalitet' },
    ],
    initiatives: [
      {
        code: 'SSPF',
        nodes: [
          {
            key: 'SSPF-AKT',
            level: 'activity',
            title: 'Lokala SSPF-grupper där skola, socialtjänst, polis och fritid delar lägesbild',
            leadsTo: ['SSPF-PRE'],
          },
          {
            key: 'SSPF-PRE',
            level: 'output',
            title: 'Samordnade handlingsplaner för unga i riskzon',
            leadsTo: ['FP3-KORT-TIDIGT'],
          },
        ],
      },
      {
        code: 'FALTARBETARE',
        nodes: [
          {
            key: 'FALT-AKT',
            level: 'activity',
            title: 'Uppsökande fältarbete kvällstid där unga riskerar att dras in i brott',
            leadsTo: ['FALT-PRE'],
          },
          {
            key: 'FALT-PRE',
            level: 'output',
            title: 'Unga som fältarbetarna har fått kontakt med och slussat vidare till stöd',
            leadsTo: ['FP3-KORT-TIDIGT'],
          },
        ],
      },
    ],
  },
  {
    goalCode: 'FP-4',
    nodes: [
      {
        key: 'FP4-KORT',
        level: 'short_term_outcome',
        title: 'Skolpersonal och fritidsledare kan samtala med unga om normer, jämställdhet och våld',
        leadsTo: ['FP4-LANG'],
      },
      {
        key: 'FP4-LANG',
        level: 'long_term_outcome',
        title: 'Färre unga har attityder som stödjer våld',
        leadsTo: ['FP4-EFFEKT'],
      },
      { key: 'FP4-EFFEKT', level: 'impact', title: 'Ett Trollhättan fritt från hot och våld' },
    ],
    initiatives: [],
  },
  {
    goalCode: 'FP-5',
    nodes: [
      {
        key: 'FP5-KORT',
        level: 'short_term_outcome',
        title:
          'Förvaltningar och bostadsbolag planerar tillsammans för blandade boendeformer och gemensamma mötesplatser',
        leadsTo: ['FP5-LANG'],
      },
      {
        key: 'FP5-LANG',
        level: 'long_term_outcome',
        title: 'Minskad boendesegregation och ökad tillit mellan stadens delar',
        leadsTo: ['FP5-EFFEKT'],
      },
      { key: 'FP5-EFFEKT', level: 'impact', title: 'En sammanhållen stad med jämlika livsvillkor' },
    ],
    initiatives: [],
  },
];

/** A baseline, target or measurement of one year and cell; `persons` is how many residents the share rests on. */
export type DemoIndicatorValue = { kind: ValueKind; period: string; cell: string; value: number; persons: number };

export type DemoIndicator = {
  code: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  breakdowns: Breakdown[];
  koladaKpis: Record<string, string>;
  ownerDepartmentCode: string;
  /** Keys of the DEMO_EFFECT_LOGIC outcome nodes the indicator measures. */
  measures: string[];
  values: DemoIndicatorValue[];
};

/** One cell's yearly figures: [period, value, persons] per kind. */
function figures(
  cell: string,
  rows: {
    baseline: [string, number, number];
    measurements: [string, number, number][];
    target?: [string, number, number];
  },
): DemoIndicatorValue[] {
  const value = (kind: ValueKind, [period, v, persons]: [string, number, number]): DemoIndicatorValue => ({
    kind,
    period,
    cell,
    value: v,
    persons,
  });
  return [
    value('baseline', rows.baseline),
    ...rows.measurements.map((m) => value('measurement', m)),
    ...(rows.target ? [value('target', rows.target)] : []),
  ];
}

/*
 * The FP-1 outcomes' key figures, as Kolada publishes them for Trollhättan (1488): aggregate statistics of whole age
 * groups, never individuals, each resting on hundreds of persons. The figures are illustrative (in the range Kolada
 * shows for the city, not copied from it) and the targets for 2027 are the demo's own. The source audits name no KPI
 * ids: the employment KPIs per cell are those of the design (N02267 all, N02268 born abroad, N02269 born in Sweden);
 * N02280 for young people neither working nor studying is a plausible id to check against Kolada before importing.
 * Kolada splits every KPI by sex itself (T/K/M), so the sex cells need no KPI of their own.
 */
export const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'UNGA-UVAS',
    name: 'Andel unga 16–24 år som varken arbetar eller studerar',
    unit: 'percent',
    direction: 'decrease',
    breakdowns: ['sex'],
    koladaKpis: { all: 'N02280' },
    ownerDepartmentCode: 'ASF',
    measures: ['FP1-LANG'],
    values: [
      ...figures('all', {
        baseline: ['2023', 8.9, 610],
        measurements: [
          ['2024', 8.6, 592],
          ['2025', 8.1, 560],
        ],
        target: ['2027', 7.0, 485],
      }),
      ...figures('sex:women', {
        baseline: ['2023', 8.3, 275],
        measurements: [
          ['2024', 8.1, 268],
          ['2025', 7.7, 257],
        ],
      }),
      ...figures('sex:men', {
        baseline: ['2023', 9.5, 335],
        measurements: [
          ['2024', 9.1, 324],
          ['2025', 8.5, 303],
        ],
      }),
    ],
  },
  {
    code: 'FORVARV-20-64',
    name: 'Förvärvsarbetande invånare 20–64 år',
    unit: 'percent',
    direction: 'increase',
    breakdowns: ['sex', 'born'],
    koladaKpis: { all: 'N02267', 'born:abroad': 'N02268', 'born:sweden': 'N02269' },
    ownerDepartmentCode: 'ASF',
    measures: ['FP1-EFFEKT'],
    values: [
      ...figures('all', {
        baseline: ['2023', 76.4, 24_310],
        measurements: [
          ['2024', 76.1, 24_270],
          ['2025', 76.9, 24_620],
        ],
        target: ['2027', 78.5, 25_200],
      }),
      ...figures('sex:women', {
        baseline: ['2023', 74.2, 11_590],
        measurements: [
          ['2024', 74.0, 11_570],
          ['2025', 74.9, 11_760],
        ],
      }),
      ...figures('sex:men', {
        baseline: ['2023', 78.5, 12_720],
        measurements: [
          ['2024', 78.1, 12_700],
          ['2025', 78.8, 12_860],
        ],
      }),
      ...figures('born:abroad', {
        baseline: ['2023', 60.8, 5_270],
        measurements: [
          ['2024', 60.5, 5_310],
          ['2025', 62.0, 5_480],
        ],
        target: ['2027', 65.0, 5_900],
      }),
      ...figures('born:sweden', {
        baseline: ['2023', 82.6, 19_040],
        measurements: [
          ['2024', 82.4, 18_960],
          ['2025', 83.0, 19_140],
        ],
        target: ['2027', 84.0, 19_300],
      }),
    ],
  },
];

/** A status report as the demo shows it; initiatives in scope that the round does not list are pending. */
export type DemoStatusReport = {
  status: Exclude<StatusReportStatus, 'pending'>;
  ragStatus: RagStatus;
  progress: string;
  risks: string | null;
  spendingToDateSek: number;
  submittedOn: string;
  decidedOn?: string;
  returnComment?: string;
};

/** A round is keyed by its title. Its scope is every approved or active initiative (the default scope). */
export type DemoReportingRound = {
  title: string;
  period: string;
  dueDate: string;
  reports: Record<string, DemoStatusReport>;
};

export const DEMO_REPORTING_ROUNDS: DemoReportingRound[] = [
  {
    title: 'Delårsrapport augusti 2026',
    period: '2026-08',
    dueDate: '2026-09-15',
    reports: {
      SSPF: {
        status: 'approved',
        ragStatus: 'green',
        spendingToDateSek: 1_150_000,
        submittedOn: '2026-09-10',
        decidedOn: '2026-09-24',
        progress:
          'SSPF-grupper är i gång i fyra stadsdelar och träffas varannan vecka. Handlingsplaner tas fram inom två veckor från första signal.',
        risks: 'Polisens deltagande varierar när kommunpolisen har andra uppdrag.',
      },
      MBU: {
        status: 'approved',
        ragStatus: 'green',
        spendingToDateSek: 1_020_000,
        submittedOn: '2026-09-12',
        decidedOn: '2026-09-24',
        progress: 'Två grupper har avslutat programmet under våren och en ny grupp startade i augusti.',
        risks: null,
      },
      FRAMTIDSCENTRUM: {
        status: 'approved',
        ragStatus: 'amber',
        spendingToDateSek: 3_400_000,
        submittedOn: '2026-09-14',
        decidedOn: '2026-09-24',
        progress:
          'Fler unga än planerat har skrivits in. Väntetiden till studie- och yrkesvägledning har ökat under sommaren.',
        risks: 'Ansökan om fortsatt ESF-finansiering är inte beslutad; utan den minskar bemanningen från 2027.',
      },
      FORALDRASKAPSSTOD: {
        status: 'approved',
        ragStatus: 'green',
        spendingToDateSek: 640_000,
        submittedOn: '2026-09-11',
        decidedOn: '2026-09-24',
        progress: 'Sex föräldragrupper har genomförts i förskolans lokaler, varav två på arabiska och somaliska.',
        risks: null,
      },
      DROGFOREBYGGANDE: {
        status: 'submitted',
        ragStatus: 'green',
        spendingToDateSek: 480_000,
        submittedOn: '2026-09-15',
        progress:
          'Utbildningsinsatser har genomförts på samtliga högstadieskolor och på tre av de fristående gymnasieskolorna.',
        risks: 'En fristående gymnasieskola har inte bokat in någon insats.',
      },
      'ALLA-BEHOVS-I-JOBB': {
        status: 'approved',
        ragStatus: 'amber',
        spendingToDateSek: 2_100_000,
        submittedOn: '2026-09-09',
        decidedOn: '2026-09-24',
        progress: 'Kompetensteamet är fullt bemannat. Övergången till arbete eller studier ligger något under målet.',
        risks: 'Arbetsförmedlingens bemanning i teamet är osäker inför 2027.',
      },
      FALTARBETARE: {
        status: 'returned',
        ragStatus: 'red',
        spendingToDateSek: 1_300_000,
        submittedOn: '2026-09-15',
        decidedOn: '2026-09-24',
        progress: 'Fältarbetet fortsätter i begränsad omfattning kvällstid.',
        risks: 'Statsbidraget upphörde 2024-12-31 och verksamheten saknar beslutad finansiering.',
        returnComment:
          'Komplettera med hur verksamheten finansieras efter statsbidraget och vilket beslut som behövs, och av vem.',
      },
    },
  },
  { title: 'Årsredovisning 2026', period: '2026', dueDate: '2027-01-31', reports: {} },
];

/** A decision of a demo review, on an initiative named by code. Demo decisions move no initiative (no stop or integrate). */
export type DemoDecision = {
  initiativeCode: string;
  decision: Exclude<PortfolioDecision, 'stop' | 'integrate'>;
  rationale: string;
  followUpDate?: string;
};

/** A review is keyed by its title and goes in with its decisions or not at all. */
export type DemoPortfolioReview = { title: string; meetingDate: string; notes: string; decisions: DemoDecision[] };

/*
 * The leadership group's first portfolio review after the audits, in June 2026. The field workers' decision was to be
 * followed up by the end of October and nothing has been decided since: the demo's decision_follow_up_due alert, and
 * the first line of the November pack's "Beslut att följa upp".
 */
export const DEMO_PORTFOLIO_REVIEWS: DemoPortfolioReview[] = [
  {
    title: 'Portföljgenomgång juni 2026',
    meetingDate: '2026-06-10',
    notes:
      'Första samlade genomgången av de förvaltningsövergripande insatserna efter revisionens granskning. Fokus: finansiering efter statsbidragen och insatser som riktar sig till samma unga.',
    decisions: [
      {
        initiativeCode: 'FALTARBETARE',
        decision: 'seek_funding',
        rationale:
          'Statsbidraget från Delmos har upphört och Delmos är avvecklat. Arbetsmarknads- och socialförvaltningen tar fram ett underlag om finansiering inom ordinarie ram eller genom Brå inför budgetberedningen.',
        followUpDate: '2026-10-31',
      },
      {
        initiativeCode: 'SSPF',
        decision: 'continue',
        rationale:
          'Nationellt utvecklad metod med samordnartjänsten i ordinarie budget. Tilläggsanslaget för fler grupper 2026 behöver ett beslut om 2027.',
        followUpDate: '2026-12-15',
      },
      {
        initiativeCode: 'MBU',
        decision: 'adjust',
        rationale:
          'MBU, SSPF och fältarbetarna möter samma unga i Kronogården och Lextorp. Rekryteringen av deltagare samordnas med SSPF-grupperna.',
        followUpDate: '2027-01-31',
      },
      {
        initiativeCode: 'FRAMTIDSCENTRUM',
        decision: 'continue',
        rationale:
          'Fler unga än planerat skrivs in. Väntetiden till studie- och yrkesvägledning och beslutet om fortsatt ESF-finansiering följs upp.',
        followUpDate: '2026-12-01',
      },
      {
        initiativeCode: 'ALLA-BEHOVS-I-JOBB',
        decision: 'scale_up',
        rationale:
          'Kompetensteamet når fler än de som står längst från arbetsmarknaden. Utred om teamet kan ta emot utrikesfödda kvinnor från fler stadsdelar.',
      },
    ],
  },
];
