/**
 * The demo data set: people and support groups across continents, in English and French,
 * as a newcomer would hope to find them. Fictional people; addresses are plausible, not
 * real venues' (no one should turn up at them). Everything here goes through the API as a
 * person would send it, so it obeys the same rules as real data.
 */

/** Printed by `npm run demo`; every demo account uses it. */
export const DEMO_PASSWORD = 'entraide-demo-2027';
export const DEMO_EMAIL_DOMAIN = 'example.org';

export interface DemoPerson {
  key: string;
  displayName: string;
  locale: 'en' | 'fr';
  timeZone: string;
}

export type DemoRule = { weekly: string[]; interval?: number } | { monthly: string } | { once: true };

export interface DemoSession {
  title: string;
  rule: DemoRule;
  /** `HH:MM` on the group's clock. */
  time: string;
  durationMinutes: number;
  mode: 'in-person' | 'online' | 'hybrid';
  location?: string;
  address?: string;
  accessibility?: string;
  onlineUrl?: string;
  dialIn?: string;
  capacity?: number;
  description?: string;
  agenda?: { title: string; minutes: number }[];
}

interface DemoThread {
  author: string;
  title: string;
  body: string;
  comments: { author: string; body: string }[];
}

interface DemoPlace {
  name: string;
  countryCode: string;
  admin1?: string;
  latitude: number;
  longitude: number;
}

export interface DemoGroup {
  leader: string;
  /** Shown beside the founder's name when the group is professionally led. */
  profession?: string;
  coLeaders?: { key: string; leaderType: 'professional' | 'peer' | 'guest'; profession?: string }[];
  members: string[];
  /** The founding fields as POST /groups takes them; a draft leaves some out. */
  fields: {
    name: string;
    purpose?: string;
    reasons?: string;
    charter?: string;
    leadership?: 'professional' | 'peer' | 'guest';
    structure?: { membership: 'open' | 'approval' | 'invite'; format: 'drop-in' | 'cohort'; maxMembers?: number; rhythm?: string };
    modes?: ('in-person' | 'online' | 'email' | 'post')[];
    languages?: string[];
    timeZone: string;
    visibility?: 'public' | 'unlisted' | 'private';
    topics?: string[];
    place?: DemoPlace;
  };
  sessions: DemoSession[];
  threads?: DemoThread[];
}

const CHARTER_EN = [
  'What is said in the group stays in the group.',
  'We listen without interrupting and without judging.',
  'We speak for ourselves ("I"), and give advice only when asked.',
  'Anyone may pass their turn.',
  'If someone is in danger, we call emergency services and tell a leader.',
];
const CHARTER_FR = [
  'Ce qui se dit dans le groupe reste dans le groupe.',
  'Nous écoutons sans interrompre et sans juger.',
  'Chacun parle pour soi (« je ») et ne donne de conseil que si on le lui demande.',
  'Chacun peut passer son tour.',
  'Si quelqu’un est en danger, nous appelons les secours et prévenons une personne qui anime.',
];

function charter(language: 'en' | 'fr', ...own: string[]): string {
  return [...(language === 'fr' ? CHARTER_FR : CHARTER_EN), ...own].join('\n');
}

const AGENDA_EN = [
  { title: 'Welcome and reminder of the charter', minutes: 10 },
  { title: 'Round of news', minutes: 30 },
  { title: 'Theme of the day', minutes: 40 },
  { title: 'Closing round', minutes: 10 },
];
const AGENDA_FR = [
  { title: 'Accueil et rappel de la charte', minutes: 10 },
  { title: 'Tour de nouvelles', minutes: 30 },
  { title: 'Thème du jour', minutes: 40 },
  { title: 'Tour de clôture', minutes: 10 },
];

const PLACES = {
  montreal: { name: 'Montréal', countryCode: 'CA', admin1: 'QC', latitude: 45.5017, longitude: -73.5673 },
  paris: { name: 'Paris', countryCode: 'FR', latitude: 48.8566, longitude: 2.3522 },
  lyon: { name: 'Lyon', countryCode: 'FR', latitude: 45.764, longitude: 4.8357 },
  dakar: { name: 'Dakar', countryCode: 'SN', latitude: 14.7167, longitude: -17.4677 },
  kinshasa: { name: 'Kinshasa', countryCode: 'CD', latitude: -4.4419, longitude: 15.2663 },
  beirut: { name: 'Beirut', countryCode: 'LB', latitude: 33.8938, longitude: 35.5018 },
  kathmandu: { name: 'Kathmandu', countryCode: 'NP', latitude: 27.7172, longitude: 85.324 },
  mumbai: { name: 'Mumbai', countryCode: 'IN', latitude: 19.076, longitude: 72.8777 },
  sydney: { name: 'Sydney', countryCode: 'AU', admin1: 'NSW', latitude: -33.8688, longitude: 151.2093 },
  waitangi: { name: 'Waitangi (Chatham Islands)', countryCode: 'NZ', latitude: -43.9535, longitude: -176.5597 },
  stJohns: { name: 'St. John’s', countryCode: 'CA', admin1: 'NL', latitude: 47.5615, longitude: -52.7126 },
  saoPaulo: { name: 'São Paulo', countryCode: 'BR', latitude: -23.5505, longitude: -46.6333 },
  mexico: { name: 'Ciudad de México', countryCode: 'MX', latitude: 19.4326, longitude: -99.1332 },
  nairobi: { name: 'Nairobi', countryCode: 'KE', latitude: -1.2921, longitude: 36.8219 },
} satisfies Record<string, DemoPlace>;

export const DEMO_PEOPLE: DemoPerson[] = [
  // The first account of a fresh platform administers it: the demo's is this one.
  { key: 'admin', displayName: 'Demo admin', locale: 'en', timeZone: 'Europe/London' },
  { key: 'amina', displayName: 'Amina K.', locale: 'fr', timeZone: 'Africa/Dakar' },
  { key: 'benoit', displayName: 'Benoît', locale: 'fr', timeZone: 'America/Toronto' },
  { key: 'claire', displayName: 'Claire D.', locale: 'fr', timeZone: 'Europe/Paris' },
  { key: 'dev', displayName: 'Dev', locale: 'en', timeZone: 'Asia/Kolkata' },
  { key: 'elena', displayName: 'Elena', locale: 'en', timeZone: 'America/Sao_Paulo' },
  { key: 'fatou', displayName: 'Fatou', locale: 'fr', timeZone: 'Africa/Dakar' },
  { key: 'grace', displayName: 'Grace W.', locale: 'en', timeZone: 'Africa/Nairobi' },
  { key: 'hugo', displayName: 'Hugo', locale: 'fr', timeZone: 'Europe/Paris' },
  { key: 'ines', displayName: 'Inès', locale: 'fr', timeZone: 'Europe/Paris' },
  { key: 'jeanpierre', displayName: 'Jean-Pierre M.', locale: 'fr', timeZone: 'Africa/Kinshasa' },
  { key: 'kiri', displayName: 'Kiri', locale: 'en', timeZone: 'Pacific/Auckland' },
  { key: 'layla', displayName: 'Layla', locale: 'fr', timeZone: 'Asia/Beirut' },
  { key: 'maya', displayName: 'Maya', locale: 'en', timeZone: 'Asia/Kathmandu' },
  { key: 'noah', displayName: 'Noah', locale: 'en', timeZone: 'Australia/Sydney' },
  { key: 'olu', displayName: 'Olu', locale: 'en', timeZone: 'Africa/Lagos' },
  { key: 'pema', displayName: 'Pema', locale: 'en', timeZone: 'Asia/Kathmandu' },
  { key: 'quentin', displayName: 'Quentin', locale: 'fr', timeZone: 'America/Toronto' },
  { key: 'rosa', displayName: 'Rosa', locale: 'en', timeZone: 'America/Mexico_City' },
  { key: 'sam', displayName: 'Sam', locale: 'en', timeZone: 'America/St_Johns' },
  { key: 'tane', displayName: 'Tāne', locale: 'en', timeZone: 'Pacific/Chatham' },
  { key: 'uma', displayName: 'Uma', locale: 'en', timeZone: 'Asia/Kolkata' },
  { key: 'victor', displayName: 'Victor', locale: 'fr', timeZone: 'Europe/Paris' },
  { key: 'wanjiru', displayName: 'Wanjiru', locale: 'en', timeZone: 'Africa/Nairobi' },
  { key: 'xavier', displayName: 'Xavier', locale: 'fr', timeZone: 'America/Toronto' },
  { key: 'yasmine', displayName: 'Yasmine', locale: 'fr', timeZone: 'Asia/Beirut' },
  { key: 'zoe', displayName: 'Zoé', locale: 'fr', timeZone: 'Europe/Paris' },
  { key: 'ana', displayName: 'Ana', locale: 'en', timeZone: 'America/Sao_Paulo' },
  { key: 'bilal', displayName: 'Bilal', locale: 'fr', timeZone: 'Europe/Paris' },
  { key: 'chloe', displayName: 'Chloé', locale: 'fr', timeZone: 'America/Toronto' },
  { key: 'mensah', displayName: 'Dr Mensah', locale: 'en', timeZone: 'Africa/Nairobi' },
  { key: 'sophie', displayName: 'Sophie (psychologue)', locale: 'fr', timeZone: 'Europe/Paris' },
  { key: 'harold', displayName: 'Harold', locale: 'en', timeZone: 'America/St_Johns' },
  { key: 'ruth', displayName: 'Ruth', locale: 'en', timeZone: 'Australia/Sydney' },
  { key: 'li', displayName: 'Li', locale: 'en', timeZone: 'Pacific/Auckland' },
  { key: 'carmen', displayName: 'Carmen', locale: 'en', timeZone: 'America/Mexico_City' },
  { key: 'joao', displayName: 'João', locale: 'en', timeZone: 'America/Sao_Paulo' },
  { key: 'nadia', displayName: 'Nadia', locale: 'fr', timeZone: 'Africa/Kinshasa' },
  { key: 'tom', displayName: 'Tom', locale: 'en', timeZone: 'Europe/London' },
  { key: 'priya', displayName: 'Priya', locale: 'en', timeZone: 'Asia/Kolkata' },
  { key: 'marc', displayName: 'Marc-André', locale: 'fr', timeZone: 'America/Toronto' },
];

export const DEMO_GROUPS: DemoGroup[] = [
  {
    leader: 'benoit',
    members: ['quentin', 'chloe', 'xavier', 'marc'],
    fields: {
      name: 'Proches aidants de Montréal',
      purpose:
        'S’occuper d’un parent, d’un conjoint ou d’un enfant malade ou en perte d’autonomie, sans s’oublier soi-même. On partage ce qui aide, ce qui pèse, et les ressources du quartier.',
      reasons: 'Les groupes existants se réunissent en journée, quand les proches aidants qui travaillent ne peuvent pas venir.',
      charter: charter('fr', 'Les personnes aidées ne sont jamais nommées en dehors du groupe.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', maxMembers: 25, rhythm: 'weekly' },
      modes: ['in-person', 'online'],
      languages: ['fr', 'en'],
      timeZone: 'America/Toronto',
      visibility: 'public',
      topics: ['proches aidants', 'caregivers', 'épuisement'],
      place: PLACES.montreal,
    },
    sessions: [
      {
        title: 'Soirée des proches aidants',
        rule: { weekly: ['TU'] },
        time: '19:00',
        durationMinutes: 90,
        mode: 'hybrid',
        location: 'Centre communautaire du Plateau, salle 2',
        address: '4273, rue Saint-Denis\nMontréal (Québec) H2J 2K9',
        accessibility: 'Entrée accessible en fauteuil roulant par la ruelle; ascenseur.',
        onlineUrl: 'https://meet.example.org/aidants-mtl',
        agenda: AGENDA_FR,
      },
    ],
    threads: [
      {
        author: 'benoit',
        title: 'Répit : vos bonnes adresses',
        body: 'Quels services de répit avez-vous essayés à Montréal ? Qu’est-ce qui a marché pour vous ?',
        comments: [
          { author: 'chloe', body: 'Le répit de fin de semaine du CLSC m’a sauvée cet hiver. Il faut s’inscrire tôt.' },
          { author: 'quentin', body: 'Merci ! Je ne savais pas que ça existait.' },
        ],
      },
    ],
  },
  {
    leader: 'sophie',
    profession: 'Psychologue clinicienne',
    members: ['claire', 'zoe', 'ines'],
    fields: {
      name: 'Deuil périnatal — Paris',
      purpose:
        'Un lieu pour les parents qui ont perdu un bébé pendant la grossesse ou peu après la naissance, pour parler de cet enfant et de ce deuil que l’entourage comprend mal.',
      reasons: 'Peu de groupes parisiens accueillent aussi les pères et les couples ; nous voulions un groupe mensuel, à un rythme qui laisse respirer.',
      charter: charter('fr', 'Les prénoms des bébés sont les bienvenus.', 'On peut venir seul·e ou en couple.'),
      leadership: 'professional',
      structure: { membership: 'approval', format: 'drop-in', maxMembers: 12, rhythm: 'monthly' },
      modes: ['in-person'],
      languages: ['fr'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['deuil', 'deuil périnatal', 'parents'],
      place: PLACES.paris,
    },
    sessions: [
      {
        title: 'Rencontre du premier samedi',
        rule: { monthly: '1SA' },
        time: '10:00',
        durationMinutes: 120,
        mode: 'in-person',
        location: 'Maison des associations du 11e',
        address: '8, rue du Général-Renault\n75011 Paris',
        accessibility: 'Salle de plain-pied, toilettes adaptées.',
        capacity: 12,
      },
    ],
  },
  {
    leader: 'ines',
    members: ['victor', 'hugo', 'bilal', 'claire'],
    fields: {
      name: 'Sortir de l’épuisement professionnel (Lyon)',
      purpose: 'Se remettre d’un burn-out et préparer, à son rythme, le retour au travail ou un autre chemin.',
      reasons: 'Après mon propre arrêt, je n’ai trouvé que des groupes en ligne ; le face-à-face m’a manqué.',
      charter: charter('fr', 'On ne parle pas de son employeur par son nom.'),
      leadership: 'peer',
      structure: { membership: 'approval', format: 'cohort', maxMembers: 10, rhythm: 'weekly' },
      modes: ['in-person'],
      languages: ['fr'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['burn-out', 'épuisement professionnel', 'travail'],
      place: PLACES.lyon,
    },
    sessions: [
      {
        title: 'Cercle du jeudi',
        rule: { weekly: ['TH'] },
        time: '18:30',
        durationMinutes: 90,
        mode: 'in-person',
        location: 'Maison pour tous des Rancy',
        address: '249, rue Vendôme\n69003 Lyon',
        agenda: AGENDA_FR,
      },
    ],
    threads: [
      {
        author: 'ines',
        title: 'Lectures qui ont aidé',
        body: 'Partagez un livre, un podcast ou un article qui vous a aidé pendant votre arrêt.',
        comments: [{ author: 'victor', body: 'Le podcast « Les Pieds sur terre » sur le travail, épisode sur les soignants.' }],
      },
    ],
  },
  {
    leader: 'amina',
    members: ['fatou', 'olu'],
    fields: {
      name: 'Vivre avec le diabète à Dakar',
      purpose: 'Partager les astuces du quotidien avec un diabète de type 1 ou 2 : repas, jeûne, traitements, fatigue, et le regard des autres.',
      reasons: 'Les consultations sont courtes ; entre patients, on a le temps de se dire comment on fait vraiment.',
      charter: charter('fr', 'On ne remplace pas l’avis d’un soignant.'),
      leadership: 'guest',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person'],
      languages: ['fr', 'wo'],
      timeZone: 'Africa/Dakar',
      visibility: 'public',
      topics: ['diabète', 'maladie chronique', 'alimentation'],
      place: PLACES.dakar,
    },
    sessions: [
      {
        title: 'Causerie du samedi',
        rule: { weekly: ['SA'] },
        time: '10:00',
        durationMinutes: 90,
        mode: 'in-person',
        location: 'Centre socio-culturel de la Médina',
        address: 'Rue 6 x Rue 11, Médina\nDakar',
        description: 'Chaque mois, une personne invitée (diététicienne, infirmière) répond aux questions.',
      },
    ],
  },
  {
    leader: 'jeanpierre',
    members: ['nadia'],
    fields: {
      name: 'Mamans solos de Kinshasa',
      purpose: 'Mères qui élèvent seules un premier enfant : fatigue, argent, famille, et le droit de demander de l’aide.',
      reasons: 'Dans nos quartiers, on en parle peu ; un groupe régulier donne un endroit où en parler.',
      charter: charter('fr', 'Les enfants sont les bienvenus pendant la rencontre.'),
      leadership: 'guest',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person', 'post'],
      languages: ['fr', 'ln'],
      timeZone: 'Africa/Kinshasa',
      visibility: 'public',
      topics: ['nouveaux parents', 'mères seules', 'parentalité'],
      place: PLACES.kinshasa,
    },
    sessions: [
      {
        title: 'Rencontre du dimanche',
        rule: { weekly: ['SU'] },
        time: '15:00',
        durationMinutes: 120,
        mode: 'in-person',
        location: 'Paroisse Saint-Joseph, salle annexe',
        address: 'Avenue de la Libération 12\nMatonge, Kalamu\nKinshasa',
      },
    ],
  },
  {
    leader: 'layla',
    members: ['yasmine'],
    fields: {
      name: 'Après l’explosion : parler ensemble',
      purpose: 'Pour les personnes touchées par l’explosion du port de Beyrouth : parler de ce qui reste, des nuits, des bruits, et de ce qui aide à tenir.',
      reasons: 'Beaucoup sont partis ; le groupe hybride relie ceux qui sont restés et ceux de la diaspora.',
      charter: charter('fr', 'On n’impose à personne de raconter ce qu’il a vécu ce jour-là.'),
      leadership: 'peer',
      structure: { membership: 'approval', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person', 'online'],
      languages: ['fr', 'ar'],
      timeZone: 'Asia/Beirut',
      visibility: 'public',
      topics: ['trauma', 'deuil', 'diaspora'],
      place: PLACES.beirut,
    },
    sessions: [
      {
        title: 'Mercredi soir',
        rule: { weekly: ['WE'] },
        time: '18:00',
        durationMinutes: 90,
        mode: 'hybrid',
        location: 'Centre culturel, 2e étage',
        address: 'Rue Gouraud, Gemmayzeh\nBeyrouth',
        onlineUrl: 'https://meet.example.org/beyrouth-mercredi',
      },
    ],
  },
  {
    leader: 'maya',
    members: ['pema', 'dev', 'tom'],
    fields: {
      name: 'Kathmandu Recovery Circle',
      purpose: 'Staying sober from alcohol and other drugs, one day at a time, with people who have been there.',
      reasons: 'The only meetings in town were in English late at night; we meet early evening, in Nepali and English.',
      charter: charter('en', 'Anonymity: first names only, nothing repeated outside.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'twice a week' },
      modes: ['in-person'],
      languages: ['en', 'ne'],
      timeZone: 'Asia/Kathmandu',
      visibility: 'public',
      topics: ['addiction recovery', 'alcohol', 'newcomers'],
      place: PLACES.kathmandu,
    },
    sessions: [
      {
        title: 'Evening circle',
        rule: { weekly: ['MO', 'TH'] },
        time: '18:15',
        durationMinutes: 75,
        mode: 'in-person',
        location: 'Community hall behind the health post',
        address: 'Jhamsikhel Road 4\nLalitpur 44600\nNepal',
        accessibility: 'Wheelchair accessible ground-floor hall.',
        agenda: AGENDA_EN,
      },
    ],
    threads: [
      {
        author: 'maya',
        title: 'Newcomers: start here',
        body: 'Welcome! Say hello and tell us what brings you, as much or as little as you like.',
        comments: [
          { author: 'pema', body: 'Hello from Patan. Thirty days today.' },
          { author: 'dev', body: 'Congratulations, Pema! Keep coming back.' },
        ],
      },
    ],
  },
  {
    leader: 'uma',
    profession: 'Occupational therapist',
    members: ['priya', 'dev'],
    fields: {
      name: 'Mumbai Parents of Autistic Children',
      purpose: 'Parents and grandparents of autistic children share what works at home and at school, and how they look after themselves.',
      reasons: 'Therapy waiting lists are long; parents learn a lot from each other meanwhile.',
      charter: charter('en', 'Children are never named or pictured outside the group.'),
      leadership: 'professional',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'monthly' },
      modes: ['in-person', 'email'],
      languages: ['en', 'hi', 'mr'],
      timeZone: 'Asia/Kolkata',
      visibility: 'public',
      topics: ['autism', 'parents', 'neurodiversity'],
      place: PLACES.mumbai,
    },
    sessions: [
      {
        title: 'Second Sunday meet-up',
        rule: { monthly: '2SU' },
        time: '11:00',
        durationMinutes: 120,
        mode: 'in-person',
        location: 'Bandra community library, reading room',
        address: '14 Hill Road, Bandra West\nMumbai 400050',
        description: 'A quiet room is set aside for children who come along.',
      },
    ],
  },
  {
    leader: 'noah',
    members: ['ruth', 'li'],
    fields: {
      name: 'Sydney Chronic Pain Peer Group',
      purpose: 'Living with persistent pain: pacing, work, relationships, and the days when nothing helps.',
      reasons: 'Pain clinics teach the theory; we practise it together.',
      charter: charter('en', 'Sit, stand or lie down as you need: no one will ask why.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person'],
      languages: ['en'],
      timeZone: 'Australia/Sydney',
      visibility: 'public',
      topics: ['chronic pain', 'chronic illness'],
      place: PLACES.sydney,
    },
    sessions: [
      {
        title: 'Wednesday evening group',
        rule: { weekly: ['WE'] },
        time: '18:30',
        durationMinutes: 90,
        mode: 'in-person',
        location: 'Surry Hills neighbourhood centre',
        address: '405 Crown Street\nSurry Hills NSW 2010',
        accessibility: 'Step-free entrance, accessible toilet, reclining chairs available.',
      },
    ],
  },
  {
    leader: 'tane',
    members: ['kiri', 'li'],
    fields: {
      name: 'Island Carers (Chatham Islands & Auckland)',
      purpose: 'People caring for a whānau member far from specialist care, on the Chatham Islands and beyond.',
      reasons: 'On the islands, the nearest carers’ group is a flight away; online, we can meet every week.',
      charter: charter('en', 'Whānau first: leave when you need to.'),
      leadership: 'peer',
      structure: { membership: 'invite', format: 'drop-in', rhythm: 'weekly' },
      modes: ['online', 'email'],
      languages: ['en', 'mi'],
      timeZone: 'Pacific/Chatham',
      visibility: 'public',
      topics: ['caregivers', 'rural', 'whānau'],
      place: PLACES.waitangi,
    },
    sessions: [
      {
        title: 'Sunday evening video call',
        rule: { weekly: ['SU'] },
        time: '19:45',
        durationMinutes: 60,
        mode: 'online',
        onlineUrl: 'https://meet.example.org/island-carers',
        dialIn: '+64 3 305 0000, code 4821',
      },
    ],
  },
  {
    leader: 'harold',
    members: ['sam', 'tom'],
    fields: {
      name: 'LGBTQ+ Elders of St. John’s',
      purpose: 'Older lesbian, gay, bi, trans and queer people: friendship, memories, and facing ageing and care homes without going back in the closet.',
      reasons: 'Many of us lost our friends early and our families long ago; we want to grow old in company.',
      charter: charter('en', 'Use the names and pronouns people give.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person'],
      languages: ['en'],
      timeZone: 'America/St_Johns',
      visibility: 'public',
      topics: ['LGBTQ+ elders', 'seniors', 'isolation'],
      place: PLACES.stJohns,
    },
    sessions: [
      {
        title: 'Friday afternoon tea',
        rule: { weekly: ['FR'] },
        time: '14:00',
        durationMinutes: 120,
        mode: 'in-person',
        location: 'Gower Street community room',
        address: '99 Gower Street\nSt. John’s, NL A1C 1N8',
        accessibility: 'Wheelchair accessible; hearing loop in the room.',
      },
    ],
    threads: [
      {
        author: 'harold',
        title: 'Photos from the 1980s',
        body: 'Bring a photo from back then on Friday if you like: we will make a small exhibition.',
        comments: [{ author: 'sam', body: 'I have one from the first Pride picnic. Bringing it!' }],
      },
    ],
  },
  {
    leader: 'elena',
    members: ['ana', 'joao'],
    fields: {
      name: 'Família em Recuperação — São Paulo',
      purpose: 'Families and friends of people with an addiction: understanding it, setting limits, and taking care of ourselves.',
      reasons: 'Our loved ones have their meetings; the families needed theirs, in Portuguese and English.',
      charter: charter('en', 'We talk about our own lives, not about the person we worry about.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person'],
      languages: ['pt', 'en'],
      timeZone: 'America/Sao_Paulo',
      visibility: 'public',
      topics: ['addiction recovery', 'families'],
      place: PLACES.saoPaulo,
    },
    sessions: [
      {
        title: 'Terça à noite',
        rule: { weekly: ['TU'] },
        time: '20:00',
        durationMinutes: 90,
        mode: 'in-person',
        location: 'Salão paroquial',
        address: 'Rua Cardeal Arcoverde, 1200\nPinheiros, São Paulo - SP, 05407-002',
      },
    ],
  },
  {
    leader: 'rosa',
    profession: 'Grief counsellor',
    members: ['carmen'],
    fields: {
      name: 'Duelo por suicidio — CDMX',
      purpose: 'For those bereaved by suicide: a place to speak of the person we lost, of the questions without answers, and of guilt.',
      reasons: 'Suicide loss is isolating; a closed monthly group gives time to build trust.',
      charter: charter('en', 'Methods are never described.', 'Crisis line numbers are read at each meeting.'),
      leadership: 'professional',
      structure: { membership: 'approval', format: 'cohort', maxMembers: 10, rhythm: 'monthly' },
      modes: ['in-person'],
      languages: ['es', 'en'],
      timeZone: 'America/Mexico_City',
      visibility: 'public',
      topics: ['grief', 'suicide loss'],
      place: PLACES.mexico,
    },
    sessions: [
      {
        title: 'Last Thursday of the month',
        rule: { monthly: '-1TH' },
        time: '19:00',
        durationMinutes: 120,
        mode: 'in-person',
        location: 'Casa de la Cultura, sala 3',
        address: 'Calle Durango 180, Roma Norte\n06700 Ciudad de México, CDMX',
        capacity: 10,
      },
    ],
  },
  {
    leader: 'grace',
    members: ['wanjiru', 'olu'],
    fields: {
      name: 'Nairobi New Dads Circle',
      purpose: 'New and expecting fathers: sleep, money, partners, and what our own fathers never told us.',
      reasons: 'Antenatal classes speak to mothers; dads asked for their own space.',
      charter: charter('en'),
      leadership: 'guest',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person'],
      languages: ['en', 'sw'],
      timeZone: 'Africa/Nairobi',
      visibility: 'public',
      topics: ['new parents', 'fathers', 'men'],
      place: PLACES.nairobi,
    },
    sessions: [
      {
        title: 'Saturday morning walk and talk',
        rule: { weekly: ['SA'] },
        time: '09:00',
        durationMinutes: 90,
        mode: 'in-person',
        location: 'Arboretum main gate',
        address: 'Arboretum Drive, off State House Road\nNairobi',
        description: 'We walk for an hour, then talk over tea. Babies in slings welcome.',
      },
    ],
  },
  {
    leader: 'tom',
    members: ['claire', 'kiri', 'maya', 'rosa', 'benoit'],
    fields: {
      name: 'Long COVID Together (worldwide)',
      purpose: 'People living with long COVID in any country: symptoms, work, benefits, and what recovery looks like.',
      reasons: 'We are spread across continents; one online group at a time that suits most, with a second slot for Asia-Pacific.',
      charter: charter('en', 'Cameras off is fine: brain fog and fatigue are welcome here.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['online', 'email'],
      languages: ['en', 'fr'],
      timeZone: 'Europe/London',
      visibility: 'public',
      topics: ['long COVID', 'chronic illness', 'fatigue'],
    },
    sessions: [
      {
        title: 'Sunday call (Europe, Africa, Americas)',
        rule: { weekly: ['SU'] },
        time: '15:00',
        durationMinutes: 60,
        mode: 'online',
        onlineUrl: 'https://meet.example.org/long-covid-sunday',
      },
      {
        title: 'Wednesday call (Asia-Pacific)',
        rule: { weekly: ['WE'] },
        time: '09:00',
        durationMinutes: 60,
        mode: 'online',
        onlineUrl: 'https://meet.example.org/long-covid-apac',
      },
    ],
    threads: [
      {
        author: 'tom',
        title: 'Pacing tools you use',
        body: 'Heart-rate monitor, spoon diary, timers… what helps you stay under your limits?',
        comments: [
          { author: 'kiri', body: 'A simple watch alarm every 45 minutes to lie down.' },
          { author: 'claire', body: 'Un carnet avec trois couleurs : vert, orange, rouge. Ça m’aide à voir venir les crashs.' },
        ],
      },
    ],
  },
  {
    leader: 'victor',
    members: ['tom', 'zoe'],
    fields: {
      name: 'Acouphènes / Tinnitus — par courriel',
      purpose: 'Vivre avec des acouphènes : astuces, sommeil, appareillage. Living with tinnitus, in French and English.',
      reasons: 'Le bruit des réunions est pénible pour beaucoup d’entre nous : l’écrit nous convient mieux.',
      charter: charter('fr', 'Écrivez dans la langue de votre choix.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'irregular' },
      modes: ['email'],
      languages: ['fr', 'en'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['acouphènes', 'tinnitus', 'audition'],
    },
    sessions: [],
    threads: [
      {
        author: 'victor',
        title: 'Bruit blanc ou bruit rose ?',
        body: 'Pour dormir, vous préférez quoi ? Which background sound helps you sleep?',
        comments: [{ author: 'tom', body: 'Brown noise, quite low, on a cheap speaker by the bed.' }],
      },
    ],
  },
  {
    leader: 'ruth',
    members: ['harold', 'amina'],
    fields: {
      name: 'Letters for Isolated Carers (by post)',
      purpose: 'Carers who cannot go out, or have no Internet, keep in touch by letter; a round letter goes out each month.',
      reasons: 'The carers most alone are the ones online groups never reach.',
      charter: charter('en', 'Letters are shared only with the group.'),
      leadership: 'peer',
      structure: { membership: 'approval', format: 'drop-in', rhythm: 'monthly' },
      modes: ['post', 'email'],
      languages: ['en'],
      timeZone: 'Australia/Sydney',
      visibility: 'public',
      topics: ['caregivers', 'isolation'],
    },
    sessions: [
      {
        title: 'Summer picnic (optional)',
        rule: { once: true },
        time: '12:00',
        durationMinutes: 180,
        mode: 'in-person',
        location: 'Centennial Park, near the duck pond',
        address: 'Grand Drive, Centennial Park NSW 2021',
      },
    ],
  },
  {
    leader: 'claire',
    members: ['hugo', 'bilal', 'victor', 'zoe'],
    fields: {
      name: 'Addictions : le groupe du mardi',
      purpose: 'Alcool, cannabis, jeux, écrans : arrêter ou réduire, et tenir, avec d’autres qui sont passés par là.',
      reasons: 'Un groupe sans étiquette de produit, pour celles et ceux qui ne se retrouvent pas dans les groupes spécialisés.',
      charter: charter('fr', 'Anonymat : prénoms seulement.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person'],
      languages: ['fr'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['addiction', 'rétablissement', 'nouveaux'],
      place: PLACES.paris,
    },
    sessions: [
      {
        title: 'Mardi soir',
        rule: { weekly: ['TU'] },
        time: '20:00',
        durationMinutes: 90,
        mode: 'in-person',
        location: 'Salle paroissiale Saint-Ambroise',
        address: '71 bis, boulevard Voltaire\n75011 Paris',
        accessibility: 'Accessible en fauteuil roulant par l’entrée latérale.',
        agenda: AGENDA_FR,
      },
    ],
  },
  {
    leader: 'chloe',
    members: ['marc', 'xavier', 'benoit'],
    fields: {
      name: 'Nouveaux parents à Montréal',
      purpose: 'Les premiers mois avec un bébé : sommeil, allaitement ou biberon, couple, et les émotions dont on parle peu.',
      reasons: 'Un groupe en matinée, bébés bienvenus, en français et en anglais.',
      charter: charter('fr', 'Bébés bienvenus : on s’interrompt autant que nécessaire.'),
      leadership: 'guest',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person'],
      languages: ['fr', 'en'],
      timeZone: 'America/Toronto',
      visibility: 'public',
      topics: ['nouveaux parents', 'new parents', 'périnatalité'],
      place: PLACES.montreal,
    },
    sessions: [
      {
        title: 'Café des nouveaux parents',
        rule: { weekly: ['WE'] },
        time: '10:00',
        durationMinutes: 90,
        mode: 'in-person',
        location: 'Maison de la famille, salle des poussettes',
        address: '6839, rue Drolet\nMontréal (Québec) H2S 2T1',
        accessibility: 'Plain-pied, espace à langer, stationnement pour poussettes.',
      },
    ],
  },
  {
    leader: 'zoe',
    profession: 'Infirmière en oncologie',
    coLeaders: [{ key: 'sophie', leaderType: 'professional', profession: 'Psychologue clinicienne' }],
    members: ['ines', 'claire', 'sophie'],
    fields: {
      name: 'Cancer du sein : l’après',
      purpose: 'Après les traitements d’un cancer du sein : fatigue, corps changé, peur de la récidive, retour au travail.',
      reasons: 'Le suivi s’espace après les traitements, et c’est souvent là que tout remonte.',
      charter: charter('fr', 'Pas de conseils médicaux entre nous : on en parle avec son équipe soignante.'),
      leadership: 'professional',
      structure: { membership: 'approval', format: 'drop-in', maxMembers: 15, rhythm: 'monthly' },
      modes: ['in-person', 'online'],
      languages: ['fr'],
      timeZone: 'Europe/Paris',
      visibility: 'public',
      topics: ['cancer', 'maladie chronique', 'femmes'],
      place: PLACES.lyon,
    },
    sessions: [
      {
        title: 'Rencontre du premier lundi',
        rule: { monthly: '1MO' },
        time: '18:00',
        durationMinutes: 120,
        mode: 'hybrid',
        location: 'Espace ligue, salle Marie-Curie',
        address: '86, avenue Lacassagne\n69003 Lyon',
        onlineUrl: 'https://meet.example.org/apres-cancer-lyon',
      },
    ],
  },
  {
    leader: 'mensah',
    profession: 'Physician',
    members: ['wanjiru', 'grace'],
    fields: {
      name: 'HIV Peer Support Nairobi',
      purpose: 'Living well with HIV: treatment, disclosure, relationships. Private: members join by invitation only.',
      reasons: 'Stigma keeps many away from public groups; this one cannot be found by anyone outside it.',
      charter: charter('en', 'Never confirm to anyone outside that someone is a member.'),
      leadership: 'professional',
      structure: { membership: 'invite', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person', 'online'],
      languages: ['en', 'sw'],
      timeZone: 'Africa/Nairobi',
      visibility: 'private',
      topics: ['HIV', 'chronic illness'],
      place: PLACES.nairobi,
    },
    sessions: [
      {
        title: 'Thursday group',
        rule: { weekly: ['TH'] },
        time: '17:30',
        durationMinutes: 90,
        mode: 'hybrid',
        location: 'Clinic annex, room 4',
        address: 'Ngong Road\nNairobi',
        onlineUrl: 'https://meet.example.org/hiv-peer-nbi',
      },
    ],
  },
  {
    leader: 'yasmine',
    members: ['layla'],
    fields: {
      name: 'Caregivers of Parents with Dementia — Beirut',
      purpose: 'Adult children caring for a parent with dementia at home. Unlisted: shared by word of mouth.',
      reasons: 'Families here care at home for years with little help; we share the load.',
      charter: charter('en'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'fortnightly' },
      modes: ['in-person'],
      languages: ['en', 'ar', 'fr'],
      timeZone: 'Asia/Beirut',
      visibility: 'unlisted',
      topics: ['dementia', 'caregivers'],
      place: PLACES.beirut,
    },
    sessions: [
      {
        title: 'Every other Saturday',
        rule: { weekly: ['SA'], interval: 2 },
        time: '11:00',
        durationMinutes: 90,
        mode: 'in-person',
        location: 'Hamra, community kitchen',
        address: 'Rue Hamra, Bliss Street corner\nBeyrouth',
      },
    ],
  },
  {
    leader: 'noah',
    members: ['kiri', 'ruth', 'li'],
    fields: {
      name: 'Burnout in Healthcare Workers (Oceania)',
      purpose: 'Nurses, doctors, paramedics and carers in Australia and Aotearoa New Zealand recovering from burnout and moral injury.',
      reasons: 'Shift work makes in-person groups impossible; an online evening group after the late shift fits.',
      charter: charter('en', 'No patient details, ever.'),
      leadership: 'peer',
      structure: { membership: 'approval', format: 'drop-in', rhythm: 'weekly' },
      modes: ['online'],
      languages: ['en'],
      timeZone: 'Australia/Sydney',
      visibility: 'public',
      topics: ['burnout', 'healthcare workers'],
    },
    sessions: [
      {
        title: 'Monday after the late shift',
        rule: { weekly: ['MO'] },
        time: '21:30',
        durationMinutes: 60,
        mode: 'online',
        onlineUrl: 'https://meet.example.org/oceania-burnout',
      },
    ],
  },
  {
    leader: 'fatou',
    members: ['amina'],
    fields: {
      name: 'Parents d’enfants drépanocytaires',
      purpose: 'Parents d’enfants atteints de drépanocytose : crises, hôpital, école, et l’espoir.',
      reasons: 'La maladie est fréquente et pourtant mal connue ; les parents se sentent seuls face aux crises.',
      charter: charter('fr'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'monthly' },
      modes: ['in-person', 'post'],
      languages: ['fr', 'wo'],
      timeZone: 'Africa/Dakar',
      visibility: 'public',
      topics: ['drépanocytose', 'parents', 'maladie chronique'],
      place: PLACES.dakar,
    },
    sessions: [
      {
        title: 'Troisième samedi du mois',
        rule: { monthly: '3SA' },
        time: '10:00',
        durationMinutes: 120,
        mode: 'in-person',
        location: 'Centre de santé, salle de réunion',
        address: 'Avenue Cheikh Anta Diop\nFann, Dakar',
      },
    ],
  },
  {
    leader: 'priya',
    members: ['dev', 'uma'],
    fields: {
      name: 'Mumbai Gambling Recovery',
      purpose: 'Stopping gambling — cricket betting, apps, cards — and rebuilding trust and finances.',
      reasons: 'Online betting exploded; there was nowhere to talk about it without shame.',
      charter: charter('en', 'No talk of odds or tips, even as a joke.'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person', 'online'],
      languages: ['en', 'hi'],
      timeZone: 'Asia/Kolkata',
      visibility: 'public',
      topics: ['addiction recovery', 'gambling'],
      place: PLACES.mumbai,
    },
    sessions: [
      {
        title: 'Friday evening',
        rule: { weekly: ['FR'] },
        time: '19:30',
        durationMinutes: 90,
        mode: 'hybrid',
        location: 'Dadar community hall',
        address: 'Ranade Road, Dadar West\nMumbai 400028',
        onlineUrl: 'https://meet.example.org/mumbai-gambling',
      },
    ],
  },
  // A founder still thinking it through: a draft only they see.
  {
    leader: 'zoe',
    members: [],
    fields: {
      name: 'Deuil d’un animal de compagnie (en préparation)',
      purpose: 'Pour celles et ceux que la perte d’un animal a bouleversés.',
      timeZone: 'Europe/Paris',
    },
    sessions: [],
  },
  {
    leader: 'sam',
    members: ['harold', 'marc'],
    fields: {
      name: 'Grief Circle of St. John’s',
      purpose: 'Anyone grieving a partner, parent, child or friend. Come as often as you need.',
      reasons: 'The hospice group ends after eight weeks; grief does not.',
      charter: charter('en'),
      leadership: 'peer',
      structure: { membership: 'open', format: 'drop-in', rhythm: 'weekly' },
      modes: ['in-person', 'online'],
      languages: ['en', 'fr'],
      timeZone: 'America/St_Johns',
      visibility: 'public',
      topics: ['grief', 'bereavement'],
      place: PLACES.stJohns,
    },
    sessions: [
      {
        title: 'Monday night circle',
        rule: { weekly: ['MO'] },
        time: '19:30',
        durationMinutes: 90,
        mode: 'hybrid',
        location: 'Anglican cathedral hall',
        address: '16 Church Hill\nSt. John’s, NL A1C 3Z9',
        accessibility: 'Not wheelchair accessible: twelve steps at the entrance. Join online instead.',
        onlineUrl: 'https://meet.example.org/grief-stjohns',
      },
    ],
  },
];

/** The group whose presence means the demo has been loaded: the last one it founds. */
export const DEMO_MARKER = DEMO_GROUPS.at(-1)!;
