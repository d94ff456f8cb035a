/**
 * Swedish building blocks for the generated portfolio, so titles and summaries read like a municipality's
 * register and the full-text search has real words to stem and rank. Everything describes groups, never a person.
 */

export type DepartmentSeed = {
  code: string;
  name: string;
  kind: 'administration' | 'committee' | 'company' | 'external';
  parent?: string;
  leadWeight: number;
};

/** 40 organisation units; `leadWeight` is how often a unit leads an initiative relative to the others. */
export const DEPARTMENTS: DepartmentSeed[] = [
  { code: 'KSF', name: 'Kommunstyrelsens förvaltning', kind: 'administration', leadWeight: 6 },
  { code: 'ASF', name: 'Arbetsmarknads- och socialförvaltningen', kind: 'administration', leadWeight: 14 },
  { code: 'KFF', name: 'Kultur- och fritidsförvaltningen', kind: 'administration', leadWeight: 8 },
  { code: 'UTB', name: 'Utbildningsförvaltningen', kind: 'administration', leadWeight: 10 },
  { code: 'SBF', name: 'Samhällsbyggnadsförvaltningen', kind: 'administration', leadWeight: 5 },
  { code: 'VOF', name: 'Vård- och omsorgsförvaltningen', kind: 'administration', leadWeight: 5 },
  { code: 'MHF', name: 'Miljö- och hälsoskyddsförvaltningen', kind: 'administration', leadWeight: 2 },
  { code: 'KSF-HA', name: 'Hållbarhetsavdelningen', kind: 'administration', parent: 'KSF', leadWeight: 4 },
  { code: 'KSF-TS', name: 'Avdelningen Trygghet och säkerhet', kind: 'administration', parent: 'KSF', leadWeight: 4 },
  { code: 'KSF-TU', name: 'Kontoret Tillväxt och utveckling', kind: 'administration', parent: 'KSF', leadWeight: 2 },
  { code: 'ASF-IFO', name: 'Individ- och familjeomsorgen', kind: 'administration', parent: 'ASF', leadWeight: 5 },
  { code: 'ASF-AME', name: 'Arbetsmarknadsenheten', kind: 'administration', parent: 'ASF', leadWeight: 5 },
  { code: 'UTB-GR', name: 'Grundskoleavdelningen', kind: 'administration', parent: 'UTB', leadWeight: 4 },
  { code: 'UTB-FS', name: 'Förskoleavdelningen', kind: 'administration', parent: 'UTB', leadWeight: 3 },
  { code: 'KFF-FRI', name: 'Fritidsavdelningen', kind: 'administration', parent: 'KFF', leadWeight: 3 },
  { code: 'KS', name: 'Kommunstyrelsen', kind: 'committee', leadWeight: 1 },
  { code: 'ASN', name: 'Arbetsmarknads- och socialnämnden', kind: 'committee', leadWeight: 1 },
  { code: 'KFN', name: 'Kultur- och fritidsnämnden', kind: 'committee', leadWeight: 1 },
  { code: 'UN', name: 'Utbildningsnämnden', kind: 'committee', leadWeight: 1 },
  { code: 'SBN', name: 'Samhällsbyggnadsnämnden', kind: 'committee', leadWeight: 0.5 },
  { code: 'VON', name: 'Vård- och omsorgsnämnden', kind: 'committee', leadWeight: 0.5 },
  { code: 'MHN', name: 'Miljö- och hälsoskyddsnämnden', kind: 'committee', leadWeight: 0.3 },
  { code: 'OFN', name: 'Överförmyndarnämnden', kind: 'committee', leadWeight: 0.2 },
  { code: 'EIDAR', name: 'AB Eidar Trollhättans Bostadsbolag', kind: 'company', leadWeight: 2 },
  { code: 'TEAB', name: 'Trollhättan Energi AB', kind: 'company', leadWeight: 0.5 },
  { code: 'KRAFT', name: 'Kraftstaden Fastigheter AB', kind: 'company', leadWeight: 0.5 },
  { code: 'INNO', name: 'Innovatum AB', kind: 'company', leadWeight: 0.5 },
  { code: 'TSAB', name: 'Trollhättans Stadshus AB', kind: 'company', leadWeight: 0.2 },
  { code: 'POLIS', name: 'Polismyndigheten', kind: 'external', leadWeight: 0.5 },
  { code: 'NARF', name: 'Norra Älvsborgs Räddningstjänstförbund', kind: 'external', leadWeight: 0.3 },
  { code: 'KFV', name: 'Kunskapsförbundet Väst', kind: 'external', leadWeight: 0.5 },
  { code: 'AF', name: 'Arbetsförmedlingen', kind: 'external', leadWeight: 0.3 },
  { code: 'FK', name: 'Försäkringskassan', kind: 'external', leadWeight: 0.1 },
  { code: 'HV', name: 'Högskolan Väst', kind: 'external', leadWeight: 0.2 },
  { code: 'RISE', name: 'RISE', kind: 'external', leadWeight: 0.1 },
  { code: 'VGR', name: 'Västra Götalandsregionen', kind: 'external', leadWeight: 0.3 },
  { code: 'SOFV', name: 'Samordningsförbundet Väst', kind: 'external', leadWeight: 0.3 },
  { code: 'RFSISU', name: 'RF-SISU Västergötland', kind: 'external', leadWeight: 0.2 },
  { code: 'SV', name: 'Studieförbundet Vuxenskolan', kind: 'external', leadWeight: 0.2 },
  { code: 'FRIV', name: 'Frivilligcentralen', kind: 'external', leadWeight: 0.1 },
];

export const TARGET_GROUPS: [code: string, name: string][] = [
  ['UNGA-12-17', 'Unga 12–17 år'],
  ['UNGA-16-24', 'Unga 16–24 som varken arbetar eller studerar'],
  ['BARN-0-5', 'Barn 0–5 år och deras föräldrar'],
  ['BARN-6-12', 'Barn 6–12 år'],
  ['FORALDRAR', 'Föräldrar'],
  ['NYANLANDA', 'Nyanlända'],
  ['LANGTIDSARBETSLOSA', 'Långtidsarbetslösa'],
  ['ALDRE', 'Äldre 65 år och äldre'],
  ['FUNKTIONSNEDSATTNING', 'Personer med funktionsnedsättning'],
  ['VALDSUTSATTA', 'Våldsutsatta vuxna och barn'],
  ['KVINNOR-UTRIKES-FODDA', 'Utrikes födda kvinnor'],
  ['HYRESGASTER', 'Hyresgäster i allmännyttan'],
  ['FORENINGSLIV', 'Föreningsliv och ideella krafter'],
  ['ALLA-INVANARE', 'Alla invånare'],
];

export const DISTRICTS: [code: string, name: string][] = [
  ['KRONOGARDEN', 'Kronogården'],
  ['LEXTORP', 'Lextorp'],
  ['SYLTE', 'Sylte'],
  ['HJULKVARNELUND', 'Hjulkvarnelund'],
  ['STROMSLUND', 'Strömslund'],
  ['HALVORSTORP', 'Halvorstorp'],
  ['BJORNDALEN', 'Björndalen'],
  ['CENTRUM', 'Centrum'],
];

export const AGENDA_2030 = [
  'Ingen fattigdom',
  'Ingen hunger',
  'Hälsa och välbefinnande',
  'God utbildning för alla',
  'Jämställdhet',
  'Rent vatten och sanitet för alla',
  'Hållbar energi för alla',
  'Anständiga arbetsvillkor och ekonomisk tillväxt',
  'Hållbar industri, innovationer och infrastruktur',
  'Minskad ojämlikhet',
  'Hållbara städer och samhällen',
  'Hållbar konsumtion och produktion',
  'Bekämpa klimatförändringarna',
  'Hav och marina resurser',
  'Ekosystem och biologisk mångfald',
  'Fredliga och inkluderande samhällen',
  'Genomförande och globalt partnerskap',
];

/** MRP focus areas, each with the Agenda 2030 goal (1-based) it sits under. */
export const FOCUS_AREAS: [title: string, agendaGoal: number][] = [
  ['Livskvalitet och trygghet', 10],
  ['Utbildning och livslångt lärande', 4],
  ['Arbete och näringsliv', 8],
  ['Hållbar samhällsutveckling', 11],
  ['Demokrati och delaktighet', 16],
];

/** The social sustainability roadmap's five priority areas, as in the demo data. */
export const ROADMAP_PRIORITY_AREAS = [
  'Samverka så att fler hittar vägen till jobb – särskilt fokus unga',
  'Föräldraskapsstöd – föräldrar som resurs',
  'Tidiga insatser för att förebygga alkohol, narkotika, dopning och tobak',
  'Främja jämställdhet och förändra normer som stödjer våld',
  'Samverkan blandstad',
];

export const THEMES = [
  'trygghet i offentliga miljöer',
  'skolnärvaro och fullföljda studier',
  'psykisk hälsa bland unga',
  'jämställdhet',
  'delaktighet och inflytande',
  'arbete och egen försörjning',
  'fysisk aktivitet och rörelse',
  'ensamhet bland äldre',
  'attraktiva bostadsområden',
  'kultur för barn och unga',
  'språkutveckling',
  'föräldraskap',
  'våld i nära relationer',
  'alkohol, narkotika, dopning och tobak',
  'digital delaktighet',
  'folkhälsa',
  'klimatanpassning',
  'hållbart resande',
  'integration och etablering',
  'barnets rättigheter',
];

export const GOAL_VERBS = ['Vi stärker', 'Vi främjar', 'Vi utvecklar', 'Vi prioriterar', 'Vi samverkar kring'];

export const SUB_GOAL_PHRASES = [
  'Andelen unga som känner sig trygga i sitt bostadsområde ska öka',
  'Andelen elever med godkända betyg i alla ämnen ska öka',
  'Andelen unga 16–24 som varken arbetar eller studerar ska minska',
  'Antalet anmälda fall av våld i nära relationer som leder till stöd ska öka',
  'Andelen föräldrar som deltar i föräldraskapsstöd ska öka',
  'Andelen elever i årskurs 9 som använt narkotika ska minska',
  'Andelen invånare som är fysiskt aktiva ska öka',
  'Andelen äldre som upplever ensamhet ska minska',
  'Andelen vuxna i egen försörjning ska öka',
  'Antalet deltagare i föreningslivet ska öka',
];

export const TITLE_PREFIXES = [
  'Samverkan kring',
  'Förebyggande arbete med',
  'Tidiga insatser för',
  'Stöd till',
  'Mötesplats för',
  'Språkstöd för',
  'Fältarbete bland',
  'Föräldraskapsstöd för',
  'Jobbspår för',
  'Trygghetsvandringar med',
  'Läxhjälp för',
  'Kulturskola för',
  'Idrottssatsning för',
  'Feriearbete för',
  'Hälsofrämjande insatser för',
  'Digital delaktighet för',
  'Normkritiskt arbete med',
  'Våldsförebyggande program för',
  'Mentorskap för',
  'Uppsökande verksamhet bland',
];

export const TITLE_TARGETS = [
  'unga 16–24 som varken arbetar eller studerar',
  'barn i förskoleåldern',
  'föräldrar till tonåringar',
  'nyanlända kvinnor',
  'äldre som bor ensamma',
  'unga i riskzon för kriminalitet',
  'elever i årskurs 7–9',
  'långtidsarbetslösa',
  'personer med funktionsnedsättning',
  'familjer med ekonomiskt bistånd',
  'unga vuxna med psykisk ohälsa',
  'ledare i föreningslivet',
  'hyresgäster i allmännyttan',
  'våldsutsatta kvinnor och deras barn',
  'unga med missbruksproblematik',
  'utrikes födda med kort utbildning',
];

export const SUMMARY_AIMS = [
  'öka tryggheten i bostadsområdet',
  'höja skolnärvaron',
  'korta vägen till arbete eller studier',
  'stärka föräldrarnas förmåga att stödja sina barn',
  'främja psykisk hälsa',
  'förändra normer som stödjer våld',
  'öka delaktigheten i föreningslivet',
  'stärka tilliten till samhällets institutioner',
  'öka den fysiska aktiviteten',
  'skjuta upp debuten för alkohol, narkotika och tobak',
  'minska ensamheten',
  'förebygga brott och skadegörelse',
];

export const SUMMARY_METHODS = [
  'genom uppsökande fältarbete kvällar och helger',
  'i samverkan mellan skola, socialtjänst, polis och fritid',
  'med stöd av en gemensam samordnare',
  'som en nationell metod med lokal anpassning',
  'genom gruppverksamhet och individuellt stöd',
  'tillsammans med civilsamhället och bostadsbolaget',
  'med digitala mötesplatser och öppna träffar',
  'enligt ett samverkansavtal mellan parterna',
];

export const SUMMARY_CLOSINGS = [
  'Finansieringen bygger delvis på tillfälliga statsbidrag.',
  'Insatsen följs upp halvårsvis med nyckeltal per stadsdel.',
  'Erfarenheterna ska tas om hand i ordinarie verksamhet.',
  'Ett särskilt fokus ligger på trygghet i offentliga miljöer.',
  'Målgruppen har varit med och utformat insatsen.',
  'Resultaten redovisas till ledningsgruppen i varje uppföljningsomgång.',
  'Arbetet utgår från färdplanen för social hållbarhet.',
  'Insatsen bidrar till ökad trygghet och tillit i stadsdelen.',
];

export const RESPONSIBILITIES = [
  'Bidrar med personal till gemensamma aktiviteter',
  'Ansvarar för lokaler',
  'Delfinansierar insatsen',
  'Deltar i styrgruppen',
  'Ansvarar för uppföljning av nyckeltal',
  'Rekryterar deltagare',
  'Håller i kontakten med skolorna',
  'Informeras om resultat vid varje uppföljningsomgång',
];

export const OWNER_ROLES = [
  'Samordnare',
  'Processledare',
  'Projektledare',
  'Utvecklingsledare',
  'Enhetschef',
  'Strateg',
];

export const FOLLOW_UP_METHODS = [
  'Halvårsvis uppföljning av nyckeltal och verksamhetsberättelse',
  'Deltagarenkät och statistik per stadsdel',
  'Kvartalsvis rapport till styrgruppen',
  'Extern utvärdering med årlig delrapport',
];

/** Funders of external and temporary money by source type; ordinary budget is the lead unit's own frame. */
export const FUNDERS: Record<string, string[]> = {
  state_grant: [
    'Länsstyrelsen Västra Götaland',
    'MUCF',
    'Brå',
    'Socialstyrelsen',
    'Skolverket',
    'Delmos',
    'Folkhälsomyndigheten',
  ],
  eu_fund: ['ESF-rådet', 'Tillväxtverket'],
  temporary_appropriation: ['Kommunstyrelsen', 'Kommunfullmäktige'],
  partner_contribution: [
    'Polismyndigheten',
    'Arbetsförmedlingen',
    'Försäkringskassan',
    'AB Eidar Trollhättans Bostadsbolag',
    'Västra Götalandsregionen',
  ],
  foundation: ['Allmänna arvsfonden', 'Stiftelsen Ungdomsfonden', 'Postkodstiftelsen'],
  other: ['Samordningsförbundet Väst', 'Sponsring från näringslivet'],
};
