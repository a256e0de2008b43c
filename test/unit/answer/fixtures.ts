import type { Article } from '../../../src/domain/types.ts';

/** Synthetic articles written for these tests (no third-party text). */
export function article(id: string, title: string, body: string): Article {
  return { id, file: `${id}.txt`, title, date: '2024-03-01', source: null, url: null, tags: [], body };
}

export const HARBOUR = article(
  'harbour',
  'Port of Veltra posts record cargo year',
  [
    'The Port of Veltra handled 41 million tonnes of cargo last year, its busiest year on record.',
    'Harbour master Ilse Brandt said the growth came from new container routes to Asia.',
    'Profits at the port authority rose 18% to €92m, helped by higher berthing fees.',
    '',
    'The authority plans to dredge the northern channel in 2026 so that larger ships can dock.',
    'Brandt warned that the work would close two berths for about six months.',
    '"We cannot grow without deeper water," she told reporters in Veltra.',
  ].join('\n'),
);

export const ORCHARD = article(
  'orchard',
  'Frost cuts Dalmor apple harvest',
  [
    'A late spring frost destroyed almost a third of the apple crop in the Dalmor valley, growers said on Tuesday.',
    'The regional farmers union estimated losses at £14m.',
    'Union chairman Tomas Reyes blamed the damage on an unusually warm March that made the trees blossom early.',
    '',
    'Supermarkets are expected to import more fruit from abroad this autumn.',
    'Reyes asked the agriculture ministry for emergency grants to help small orchards survive the winter.',
  ].join('\n'),
);

export const RAILWAY = article(
  'railway',
  'Kestrel line reopens after upgrade',
  [
    'The Kestrel railway line reopened on Monday after an 18-month upgrade that cost £310m.',
    'Trains between Ashby and Corran now take 40 minutes, down from an hour.',
    'Transport minister Helen Oduya said the faster service would bring new jobs to the region.',
    '',
    'Passenger groups welcomed the reopening but complained that fares rose by 6% in January.',
  ].join('\n'),
);

export const SYNTHETIC: readonly Article[] = [HARBOUR, ORCHARD, RAILWAY];
