/**
 * Word lists for quotation attribution: speech verbs, honorifics and role words,
 * pronouns. (Gendered first names: first-names.ts.) All entries are lowercase; the
 * lookups take a token's `lower`.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Manner-of-speaking verbs (Levin 1993, English Verb Classes and Alternations, class
 * 37.3), past tense only: the present forms are as often nouns ("a bark", "snaps").
 */
const MANNER_OF_SPEAKING = `
  babbled barked bawled bellowed bleated boomed burbled cackled chattered chirped clucked croaked crooned cried
  drawled droned gabbled gibbered groaned growled grumbled grunted gurgled hissed hollered hooted howled
  jabbered keened lisped moaned mumbled murmured muttered purred rasped roared rumbled screeched shrieked
  simpered snapped snarled sneered snorted sobbed squawked squealed stammered stuttered thundered trilled
  twittered wailed warbled wheezed whimpered whined whooped yapped yelped yodeled
`;

/** Verbs that report speech or writing ("said", "told", "tweeted"), any tense. */
export const SPEECH_VERBS = set(`
  said says say saying told tells tell telling added adds adding asked asks asking
  wrote writes write writing explained explains explaining noted notes noting stated states stating
  declared declares declaring insisted insists insisting argued argues arguing warned warns warning
  replied replies replying responded responds responding continued continues recalled recalls recalling
  tweeted tweets tweeting posted claimed claims claiming acknowledged acknowledges acknowledging
  admitted admits admitting conceded concedes suggested suggests suggesting urged urges urging
  predicted predicts predicting joked jokes joking quipped quips shouted shouts yelled screamed chanted chants
  concluded concludes countered counters announced announces announcing reported reports reporting
  confirmed confirms denied denies testified testifies recounted boasted boasts bragged complained complains complaining
  cautioned cautions observed observes remarked remarks emphasized emphasizes emphasised stressed stresses stressing
  vowed vows vowing promised promises promising pledged pledges maintained maintains contended contends
  charged alleged alleges wondered wonders mused lamented laments exclaimed whispered asserted asserts asserting
  proclaimed proclaims repeated repeats reiterated reiterates advised advises commented comments ask demanded
  agreed agrees disagreed tweet pleaded objected retorted thundered sighed read reads
  typed sings sang sing texted emailed
  ${MANNER_OF_SPEAKING}
`);

/** Speech and label verbs that are as often plural nouns ("his claims", "late-night tweets"). */
export const NOUNISH = set(`
  tweets tweet claims claim reports report notes note states remarks remark comments comment promises pledges
  demands questions charges counters calls call labels label terms brands cites attacks points casts frames
  answers reads posts praises rates references
`);

/** Pronouns that open a relative clause: the verb after them has another subject. */
export const RELATIVES = set('who which that whom whose');

/** Verbs that name or characterize ("called it a “con”"): attribute short partial quotes. */
export const LABEL_VERBS = set(`
  called calls calling call described describes describing describe referred refers referring
  labeled labels labelled labeling dubbed dubs termed terms branded brands hailed hails likened likens
  compared compares cited cites citing criticized criticizes criticised slammed slams blasted blasts
  condemned condemns denounced denounces accused accuses accusing praised praises characterized characterizes
  deemed deems nicknamed mocked mocks ridiculed lambasted decried decries derided derides touted touts
  promoted dismissed dismisses rejected rejects ruled rates rated questioned attacked accuse
  pointed cast casts framed frames lauded lauds applauded exhorted exhorts referenced references invoked invokes
`);

/** Auxiliaries and adverbs that may stand between a subject and its speech verb. */
export const BETWEEN_SUBJECT_AND_VERB = set(`
  has have had is was were are be been being will would could can may might should also later then
  previously once recently often repeatedly again further earlier still just even never
  reportedly publicly privately quickly simply flatly bluntly openly angrily famously notably
  frequently separately initially subsequently finally first already apparently only not
  now today yesterday tonight thus therefore however actually really certainly soon sometimes always usually ever
`);

/** Personal pronouns that can be a speaker. */
export const SUBJECT_PRONOUNS = set('he she they we i you it');
export const MALE_PRONOUNS = set('he him his himself');
export const FEMALE_PRONOUNS = set('she her hers herself');

/** Determiners and quantifiers that can open a common-noun speaker ("a spokesman", "one official"). */
export const DETERMINERS = set(
  'the a an one two three some several many another each his her their its our this that these those other both any',
);

/** Honorifics and roles stripped from a name ("U.S. Trade Minister Dana Okafor" -> "Dana Okafor"). */
export const ROLE_WORDS = set(`
  mr mr. mrs mrs. ms ms. miss dr dr. prof prof. rev rev. sir dame lord lady atty atty. supt supt. msgr msgr. del del. hon hon.
  president vice prime minister secretary senator sen sen. rep rep. representative gov gov. governor
  mayor speaker leader majority minority whip chairman chairwoman chairperson chair chief justice judge
  general gen gen. adm adm. admiral col col. lt lt. sgt sgt. capt capt. maj maj. cmdr commander
  commissioner director ambassador attorney deputy acting former state foreign defense defence finance
  treasury homeland economy trade interior commerce labor health education
  pope queen prince princess sheikh emir ayatollah chancellor premier spokesman spokeswoman spokesperson
  editor anchor host coach candidate nominee nominees congressman congresswoman councilman councilwoman
  sheriff officer detective superintendent inspector agent executive founder professor
  ceo cfo coo chairman. economist analyst strategist pollster correspondent columnist reporter
  democrat democratic republican gop independent libertarian liberal conservative
  house senate assembly congress party presidential vice-presidential
  u.s. us american british japanese chinese russian french german iranian israeli indian
`);

/** Head nouns that make a capitalized run an organization, not a person (keep its roles). */
export const ORG_HEADS = set(`
  department ministry office committee commission party agency bank company corp corp. inc inc. co co. ltd
  times post news journal network association council union board court administration government
  campaign foundation institute university college school center centre group organization organisation
  service services bureau authority police army navy force forces fund federation league
  house senate congress assembly parliament cabinet magazine press radio television tv channel
`);

/** Capitalized words that open a sentence but never a name. */
export const CAP_STOP = set(`
  the a an but and or so in on at for from with by as if when while after before since although though
  however meanwhile this that these those there here his her its their our my your some many most all
  both each no not what who whom whose which why how where it he she they we i you yet still even also
  then now last next first according asked speaking later earlier today yesterday tonight tomorrow
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december instead because despite during until unless whether
  such only just every other another among between into over under through about against without
  one two three four five six seven eight nine ten mr mrs ms dr let please yes well oh ok okay once
`);

/** Words glued inside names ("Ludwig van Beethoven", "Osama bin Laden"). */
export const NAME_PARTICLES = set('de da del della di du van von der den le la al bin ibn abu el y dos das');

/** Roles and honorifics that say a person is a man or a woman. */
export const MALE_ROLES = set(
  'mr mr. sir lord king prince congressman councilman spokesman chairman father brother son husband',
);
export const FEMALE_ROLES = set(
  'mrs mrs. ms ms. miss dame lady queen princess congresswoman councilwoman spokeswoman chairwoman mother sister daughter wife',
);
