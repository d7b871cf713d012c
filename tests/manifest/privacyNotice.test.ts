import { readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * The privacy notice the manifest links (privacyUrl → /privacy → tab/privacy.html) tells a
 * person, in Swedish and in English, how to export and erase their data, how long plans are
 * kept, and where they see who has read their plan.
 */

const html = readFileSync(path.join(__dirname, '../../tab/privacy.html'), 'utf8');
const [swedish = '', english = ''] = html.split('<section lang="en">');

describe('the privacy notice', () => {
  it.each([
    [
      'Swedish',
      swedish,
      [
        'Exportera mina data',
        'Radera mina data',
        'Hur länge',
        'Vem har sett min plan',
        'allmän handling',
      ],
    ],
    [
      'English',
      english,
      ['Export my data', 'Delete my data', 'How long', 'Who has seen my plan', 'official document'],
    ],
  ])(
    'when read in %s, then it names export, erasure, retention and the access log',
    (_language, text, phrases) => {
      for (const phrase of phrases) expect(text).toContain(phrase);
    },
  );
});
